-- El cruce: a short demo story for Orilla (Spanish source, English in locale/en.po).
-- A composite character, inspired by public testimonies; no real person is portrayed.

story {
  id = "el-cruce",
  version = "1.0.0",
  title = "El cruce",
  language = "es",
  translations = { "en" },
  start = "puente",
  cover = "images/portada.png",   -- python3 scripts/make-art.py cruce-portada
  kind = "composite",   -- Marta's testimony joins several public accounts in one voice
  credits = "Historia de demostración de Orilla. Personaje compuesto, inspirado en testimonios públicos; no retrata a ninguna persona real.",
  warnings = { "separación familiar" },
  support = {
    { name = "ACNUR / UNHCR", contact = "https://www.acnur.org", note = "Protección y orientación para personas refugiadas" },
    { name = "R4V", contact = "https://www.r4v.info", note = "Plataforma regional para refugiados y migrantes de Venezuela" },
  },
  authors = { "Equipo Orilla" },
  licence = "CC BY-SA 4.0",
}

narrator "marta" {
  name = "Marta",
}

testimony "marta-puente" {
  narrator = "marta",
  text = "Cuando crucé, no miré atrás. Llevaba la foto de mi madre en el bolsillo del pecho, para que cruzara conmigo.",
  consent = {
    recorded = "2025-03-02",
    scope = { "workshop", "kiosk", "exhibition" },
    expires = "2029-03-02",
    anonymised = { "name", "face", "voice" },
  },
}

scene "puente" {
  title = "El puente",
  text = "Amanece sobre el río. Marta tiene veinte minutos para decidir cómo cruzar la frontera con su hijo Tomás, de ocho años.",
  fact = {
    text = "Hasta noviembre de 2024, unos 7,89 millones de personas habían salido de Venezuela.",
    source = "R4V, Plataforma de Coordinación Interagencial para Refugiados y Migrantes de Venezuela, noviembre de 2024",
    url = "https://www.r4v.info/es/refugiadosymigrantes",
  },
  choices = {
    { text = "Hacer la fila en el paso oficial", go = "fila" },
    { text = "Preguntar a las otras familias", go = "familias" },
  },
}

scene "familias" {
  text = "Una mujer con un bebé le cuenta que en el albergue del otro lado dan agua y orientan a quienes llegan. Le regala a Tomás un caramelo.",
  on_enter = function(s) s.consejo = true end,
  choices = {
    { text = "Volver a la fila, ahora con el dato del albergue", go = "fila" },
  },
}

scene "fila" {
  text = function(s)
    if s.consejo then
      return "La fila avanza despacio. Marta sabe que al otro lado hay un albergue; eso le da calma para esperar."
    end
    return "La fila avanza despacio bajo el sol. Tomás pregunta cuánto falta."
  end,
  testimony = "marta-puente",
  on_enter = function(s) s.horas = (s.horas or 0) + 3 end,
  choices = {
    { text = "Esperar con paciencia", go = "sellos" },
    { text = "Buscar el albergue primero", go = "albergue", when = function(s) return s.consejo end },
  },
}

scene "albergue" {
  text = "En el albergue les dan agua, un plato de sopa y una hoja con sus derechos. Una voluntaria le explica cómo pedir protección.",
  on_enter = function(s) s.orientada = true end,
  choices = {
    { text = "Volver al paso oficial", go = "sellos" },
  },
}

scene "sellos" {
  text = function(s)
    if s.orientada then
      return "En la ventanilla, Marta sabe qué pedir. Sale con un papel sellado y una cita para su solicitud."
    end
    return "En la ventanilla le piden un documento que no tiene. Le dan una dirección donde pueden ayudarla."
  end,
  choices = {
    { text = "Seguir el camino", go = "llegada", when = function(s) return s.orientada end },
    { text = "Ir a la dirección que le dieron", go = "camino" },
  },
}

scene "camino" {
  text = "Caminan hasta la dirección. Es una oficina pequeña con una fila de sillas. Allí también les dan una cita, pero para dentro de un mes.",
  choices = {
    { text = "Esperar la cita", go = "llegada" },
    { text = "Quedarse un tiempo en el pueblo de la frontera", go = "pueblo" },
  },
}

scene "pueblo" {
  ending = true,
  text = "Marta encuentra trabajo en una panadería del pueblo. Tomás aprende los nombres de las calles. Todavía no saben si seguirán el viaje, pero hoy hay pan caliente en la mesa.",
}

scene "llegada" {
  ending = true,
  text = "Esa noche, Tomás duerme en una cama de verdad. Marta guarda la foto de su madre junto a los papeles nuevos. Mañana empieza otra cosa.",
}
