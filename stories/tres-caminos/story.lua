-- Tres caminos: la historia insignia de Orilla.
-- Marisol, Andrés y Carmen son personajes compuestos, inspirados en testimonios públicos;
-- no se retrata a ninguna persona real. Sus testimonios son recreados (kind = "recreated"):
-- la pantalla, la voz, los créditos y el quiosco lo dicen. Ver README.md (mapa de caminos,
-- datos y fuentes, lista de curaduría).
--
-- Para traducir: cada texto que devuelve una función es una frase completa (nunca trozos
-- pegados), para que cada variante tenga su propia entrada en locale/*.po.

story {
  id = "tres-caminos",
  version = "1.0.0",
  title = "Tres caminos",
  language = "es",
  translations = { "en", "fr", "ar" },
  start = "inicio",
  kind = "recreated",               -- testimonios recreados a partir de relatos reales
  cover = "images/portada.png",
  authors = { "Equipo Orilla" },
  licence = "CC BY-SA 4.0",
  credits = "Tres caminos es una historia de ficción. Marisol, Andrés y Carmen son personajes compuestos, inspirados en testimonios públicos de personas venezolanas; no se retrata a ninguna persona real. Sus testimonios están recreados a partir de esos relatos y escritos para esta historia; sus registros de consentimiento muestran cómo se registra el consentimiento en un taller real. Cada dato cita su fuente y su fecha; un equipo de curaduría debe verificarlos antes de cada exhibición. Ilustraciones generadas por código. Texto e imágenes: CC BY-SA 4.0.",
  warnings = {
    "separación de familias",
    "nostalgia y duelo migratorio",
    "explotación laboral (sin violencia)",
    "frío y cansancio en el camino",
  },
  support = {
    { name = "ACNUR, la Agencia de la ONU para los Refugiados", contact = "https://www.acnur.org",
      note = "Información sobre protección internacional y asilo." },
    { name = "ACNUR Ayuda", contact = "https://help.unhcr.org",
      note = "Dónde pedir orientación en el país en que estás." },
    { name = "OIM, la Organización Internacional para las Migraciones", contact = "https://www.iom.int",
      note = "Información para migrar de forma segura y apoyo a personas migrantes." },
    { name = "R4V, Plataforma de Coordinación Interagencial para Refugiados y Migrantes de Venezuela", contact = "https://www.r4v.info",
      note = "Organizaciones y servicios por país en América Latina y el Caribe." },
    { name = "Comité Internacional de la Cruz Roja: Restablecimiento del Contacto entre Familiares", contact = "https://familylinks.icrc.org",
      note = "Para buscar a familiares o recuperar el contacto con ellos." },
    { name = "HIAS", contact = "https://www.hias.org",
      note = "Protección y apoyo psicosocial a personas refugiadas en varios países de la región." },
  },
}

------------------------------------------------------------------------------------------
-- Las tres personas (seudónimos de personajes compuestos; sin retratos: el reproductor no
-- los muestra, y una silueta no añade nada a quien no existe)

narrator "marisol" { name = "Marisol" }
narrator "andres"  { name = "Andrés" }
narrator "carmen"  { name = "Carmen" }

------------------------------------------------------------------------------------------
-- Testimonios (recreados para esta historia: kind = "recreated" en story; el consentimiento
-- muestra cómo se registraría en un taller real; un consentimiento terminado se demuestra en
-- tests/data/care-everywhere, no aquí, para no anunciar la decisión de una persona que no existe)

testimony "marisol-partir" {
  narrator = "marisol",
  text = "La noche antes de salir, mi mamá me planchó el uniforme de enfermera, aunque sabía que no lo iba a usar en el camino. Le dije: «Mamá, no hace falta». Y me contestó: «Hace falta que te vayas vestida de lo que eres». Lo llevo doblado en la mochila. Todavía huele a su casa.",
  consent = {
    recorded = "2025-03-08",
    scope = { "workshop", "exhibition", "kiosk" },
    expires = "2029-03-08",
    anonymised = { "name", "face", "voice" },
  },
  warnings = { "separación de familias" },
}

testimony "marisol-titulo" {
  narrator = "marisol",
  text = "Mi título pasó años en una funda de plástico. La funda se rompió en el camino; el título, no. Lo que una sabe hacer no se lo quita nadie: puede tardar en servir, pero no se pierde.",
  consent = {
    recorded = "2025-03-08",
    scope = { "workshop", "exhibition" },
    expires = "2030-03-08",
    anonymised = { "name", "face", "voice" },
  },
}

testimony "andres-camino" {
  narrator = "andres",
  text = "En el páramo aprendí que el frío se comparte. Un muchacho de Barinas me prestó sus guantes toda una tarde y no lo volví a ver. Si algún día lee esto: hermano, todavía los tengo guardados en la memoria.",
  consent = {
    recorded = "2025-02-10",
    scope = { "workshop", "exhibition", "kiosk", "online" },
    expires = "2029-02-10",
    anonymised = { "name", "face", "voice", "place" },
  },
  warnings = { "frío y cansancio en el camino" },
}

testimony "andres-obra" {
  narrator = "andres",
  text = "Lo que más me dolió no fue la plata. Fue que me hablaran como si yo no supiera contar. Yo sé contar: anoté cada hora. Cuando una persona conoce sus derechos, camina distinto.",
  consent = {
    recorded = "2025-04-12",
    scope = { "workshop", "exhibition", "kiosk", "online" },
    expires = "2029-04-12",
    anonymised = { "name", "face", "voice" },
  },
  warnings = { "explotación laboral (sin violencia)" },
}

testimony "carmen-andes" {
  narrator = "carmen",
  text = "A los sesenta y tres años vi los Andes por primera vez, desde la ventana de un bus, a las cuatro de la mañana. Pensé: qué grande es el mundo, y yo todavía quepo en él. Lloré de lo bonito.",
  consent = {
    recorded = "2025-05-20",
    scope = { "workshop", "exhibition", "kiosk" },
    expires = "2029-05-20",
    anonymised = { "name", "face" },
  },
}

testimony "carmen-domingo" {
  narrator = "carmen",
  text = "Hay una tristeza que no es enfermedad: es amor que se quedó lejos. Yo aprendí a ponerle nombre. Los domingos la llamo por su nombre, la invito a un café y después sigo con mi día.",
  consent = {
    recorded = "2025-05-20",
    scope = { "workshop", "exhibition", "kiosk", "online" },
    expires = "2029-12-31",
    anonymised = { "name", "face", "voice" },
  },
  warnings = { "nostalgia y duelo migratorio" },
}

------------------------------------------------------------------------------------------
-- Inicio y elección del camino

scene "inicio" {
  title = "Tres caminos",
  background = "images/portada.png",
  text = "Tres personas salen de Venezuela por razones distintas. Sus caminos se cruzan en un puente, en un mercado, en una terraza de Quito.\n\nTú eliges a quién acompañar y, a veces, qué decide. No hay respuestas correctas. Son personajes compuestos: ninguna persona real aparece retratada.",
  fact = {
    text = "En noviembre de 2024, unos 7,89 millones de personas refugiadas y migrantes de Venezuela vivían fuera de su país; cerca del 85 %, en América Latina y el Caribe.",
    source = "R4V, Plataforma de Coordinación Interagencial para Refugiados y Migrantes de Venezuela, cifras de refugiados y migrantes, actualización de noviembre de 2024",
    url = "https://www.r4v.info/es/refugiadosymigrantes",
  },
  choices = {
    { text = "Empezar", go = "elige" },
  },
}

scene "elige" {
  title = "¿De quién es este camino?",
  background = "images/mapa.png",
  text = function(s)
    if s.fin_marisol or s.fin_andres or s.fin_carmen then
      return "Otros caminos llegan a la misma plaza. ¿A quién quieres acompañar ahora?"
    end
    return "¿A quién quieres acompañar?\n\nMarisol, 34 años, enfermera. Viaja con su hija Valentina.\nAndrés, 22 años, aprendiz de electricista. Busca trabajo.\nCarmen, 63 años, maestra jubilada. Va a reunirse con su familia."
  end,
  choices = {
    { text = "Marisol, enfermera, con su hija", go = "marisol-1", at = { 0.60, 0.16 },
      when = function(s) return not s.fin_marisol end },
    { text = "Andrés, aprendiz de electricista", go = "andres-1", at = { 0.72, 0.31 },
      when = function(s) return not s.fin_andres end },
    { text = "Carmen, maestra jubilada", go = "carmen-1", at = { 0.84, 0.46 },
      when = function(s) return not s.fin_carmen end },
  },
}

------------------------------------------------------------------------------------------
-- MARISOL: una enfermera que viaja con su hija

scene "marisol-1" {
  title = "Cúcuta, terminal de buses",
  layers = {
    { image = "images/cucuta-cielo.png", depth = 8 },
    { image = "images/cucuta-ciudad.png", depth = 4 },
    { image = "images/cucuta-terminal.png", depth = 1.6 },
  },
  camera = { from = { -0.06, 0, 0 }, to = { 0.08, 0, -0.35 }, seconds = 16 },
  text = "Cinco de la mañana en la terminal de Cúcuta. Marisol, enfermera de pediatría durante doce años, lleva de la mano a Valentina, de siete, que dibuja en su cuaderno un bus azul.\n\nTiene el dinero justo para llegar a Quito, donde una excompañera le prometió ayuda.\n\nValentina tose desde anoche. No es grave, piensa Marisol. Pero tampoco es nada.",
  testimony = "marisol-partir",
  choices = {
    { text = "Tomar hoy mismo el bus hacia el sur", go = "marisol-bus" },
    { text = "Quedarse dos días en un albergue, hasta que a Valentina se le pase la tos", go = "marisol-albergue" },
  },
}

scene "marisol-bus" {
  title = "Carretera al sur",
  background = "images/carretera.png",
  text = "El bus atraviesa Colombia durante dos días: valles verdes, curvas, puestos de fruta a la orilla de la carretera. Valentina duerme con la cabeza en el regazo de su mamá y se despierta para dibujar vacas.\n\nLa segunda noche, un señor del asiento de atrás se marea y respira mal. Marisol le toma el pulso, le afloja el cuello de la camisa y le pide al conductor que pare cinco minutos. El señor se llama Aurelio y va a Pasto a conocer a su nieto. Cuando se recupera, le regala a Valentina una mandarina.\n\n—Usted es enfermera —le dice—. Eso se nota en las manos.",
  choices = {
    { text = "Seguir hasta la frontera con Ecuador", go = "marisol-puente" },
  },
}

scene "marisol-albergue" {
  title = "El albergue",
  background = "images/albergue.png",
  on_enter = function(s) s.m_albergue = true end,
  text = "El albergue es una casa grande con un patio y un árbol de mango. Hay colchonetas limpias, sopa caliente y un cartel escrito a mano: «Aquí nadie te pide nada a cambio».\n\nUna médica voluntaria revisa a Valentina: es un resfriado, nada más. Le ponen las vacunas que le faltaban y le dan un carné con sello, que Marisol guarda junto a su título de enfermera.\n\nEl segundo día, Marisol ayuda en la enfermería: toma temperaturas, ordena medicinas, calma a un niño asustado. Al despedirse, la médica le escribe una carta de referencia: «Trabajó con nosotras con profesionalismo y ternura».",
  choices = {
    { text = "Seguir hasta la frontera con Ecuador", go = "marisol-puente" },
  },
}

scene "marisol-puente" {
  title = "Puente de Rumichaca",
  panorama = "images/pano-rumichaca.png",
  look = { yaw = 0, pitch = -6, fov = 90 },
  text = function(s)
    if s.m_albergue then
      return "El puente de Rumichaca une Colombia y Ecuador sobre un río hondo. Hace frío de montaña. Valentina, ya sin tos, pregunta por qué el río no necesita papeles.\n\nHay una fila larga, una carpa blanca y un puesto de café. ¿Por dónde empieza Marisol?"
    end
    return "El puente de Rumichaca une Colombia y Ecuador sobre un río hondo. Hace frío de montaña. Valentina tose bajito y pregunta por qué el río no necesita papeles.\n\nHay una fila larga, una carpa blanca y un puesto de café. ¿Por dónde empieza Marisol?"
  end,
  choices = {
    { text = "La carpa de orientación", go = "marisol-carpa", at = { yaw = -60, pitch = -4 } },
    { text = "El puesto de café", go = "marisol-cafe", at = { yaw = 62, pitch = -3 } },
    { text = "La fila de migración", go = "marisol-fila", at = { yaw = -6, pitch = -1 } },
  },
}

scene "marisol-carpa" {
  title = "La carpa de orientación",
  panorama = "images/pano-rumichaca.png",
  look = { yaw = -60, pitch = -12, fov = 80 },
  on_enter = function(s) s.m_info = true end,
  text = "En la carpa, una mujer de una organización humanitaria le explica sin prisa dónde registrarse, cómo pedir protección y qué derechos tiene Valentina a estudiar y a la salud. Le da una hoja con direcciones útiles en Quito.\n\n—Guárdela bien. La información también abriga.",
  fact = {
    text = "La mayoría de las personas refugiadas busca protección cerca de su país de origen. A mediados de 2024, el 71 % vivía en países de ingresos bajos y medios.",
    source = "ACNUR, Refugee Data Finder, «Refugee hosting metrics» (datos de mediados de 2024)",
    url = "https://www.unhcr.org/refugee-statistics/insights/explainers/refugee-hosting-metrics.html",
  },
  choices = {
    { text = "Hacer la fila y cruzar", go = "marisol-quito" },
  },
}

scene "marisol-cafe" {
  title = "El puesto de café",
  panorama = "images/pano-rumichaca.png",
  look = { yaw = 62, pitch = -8, fov = 80 },
  on_enter = function(s) s.m_cuarto = true end,
  text = "La señora del café se llama Fabiola. Es de Ipiales y lleva veinte años vendiendo junto al puente. Le sirve a Valentina una aguapanela con queso y no le quiere cobrar.\n\n—Mi hija también se fue —cuenta—, a Santiago de Chile. Allá una señora le alquiló un cuarto sin conocerla. Una cosa así no se olvida.\n\nAntes de despedirse, Fabiola escribe en una servilleta el número de su primo Wilson, que alquila cuartos en el sur de Quito. «Dígale que va de parte mía».",
  choices = {
    { text = "Hacer la fila y cruzar", go = "marisol-quito" },
  },
}

scene "marisol-fila" {
  title = "La fila",
  panorama = "images/pano-rumichaca.png",
  look = { yaw = -4, pitch = -8, fov = 75 },
  on_enter = function(s) s.m_fila = true end,
  text = "En la fila de migración, una muchacha de trenzas le sostiene la mochila a Valentina. En la ventanilla le piden la visa: Marisol la tramitó en el consulado de Ecuador en Caracas antes de salir.\n\nMientras la revisan, ayuda a una enfermera de la frontera a ordenar carnés de vacunación. «En Quito faltan manos en las campañas», le dice la enfermera, y le anota su número.",
  fact = {
    text = "Desde el 26 de agosto de 2019, Ecuador exige visa a las personas venezolanas (Decreto Ejecutivo 826); la visa humanitaria se tramitaba solo en consulados.",
    source = "Cancillería del Ecuador, 26 de agosto de 2019 (en Noti-América)",
    url = "https://noti-america.com/site/ecuador/2019/08/27/desde-hoy-ecuador-exige-visado-para-ciudadanos-venezolanos",
  },
  choices = {
    { text = "Mostrar la visa, sellar el pasaporte y cruzar", go = "marisol-quito" },
  },
}

scene "marisol-quito" {
  title = "Quito",
  layers = {
    { image = "images/quito-cielo.png", depth = 8 },
    { image = "images/quito-ciudad.png", depth = 3.5 },
    { image = "images/quito-plaza.png", depth = 1.5 },
  },
  camera = { from = { 0, 0.02, 0 }, to = { 0.1, 0, -0.4 }, seconds = 18 },
  text = function(s)
    if s.m_cuarto then
      return "Quito está en un valle largo entre montañas, a casi tres mil metros de altura. A Valentina le falta el aire en las escaleras y se ríe de eso.\n\nWilson, el primo de Fabiola, les alquila un cuarto pequeño con una ventana que mira al Pichincha. Es barato y tiene agua caliente. Su hija, que estudió derecho, le explica a Marisol por dónde se empieza el trámite para que le reconozcan el título.\n\nA la semana, Marisol tiene que decidir cómo empezar a trabajar."
    end
    return "Quito está en un valle largo entre montañas, a casi tres mil metros de altura. A Valentina le falta el aire en las escaleras y se ríe de eso.\n\nLas primeras noches duermen en un hostal del centro. La excompañera de Marisol contesta al tercer día: no tiene espacio en su casa, pero le presenta a una vecina que alquila un cuarto. Se mudan con dos maletas y el cuaderno de dibujos.\n\nA la semana, Marisol tiene que decidir cómo empezar a trabajar."
  end,
  choices = {
    { text = "Aceptar un trabajo de limpieza nocturna en una clínica", go = "marisol-fin-clinica" },
    { text = "Empezar el trámite para que reconozcan su título de enfermera", go = "marisol-fin-titulo",
      when = function(s) return s.m_info or s.m_cuarto end },
    { text = "Ofrecerse como voluntaria en la campaña de vacunación del barrio", go = "marisol-fin-campana",
      when = function(s) return s.m_albergue or s.m_fila end },
  },
}

scene "marisol-fin-clinica" {
  title = "Un comienzo",
  background = "images/ciudad-noche.png",
  ending = true,
  on_enter = function(s) s.fin_marisol = "clinica"; s.ultimo = "marisol" end,
  text = function(s)
    if s.m_albergue then
      return "Marisol limpia los pasillos de una clínica de diez de la noche a seis de la mañana. No es el trabajo que estudió, pero conoce cada sonido de un hospital, y eso la acompaña.\n\nUna madrugada, un paciente se desorienta y se levanta de la cama. Marisol lo calma y avisa a tiempo. La jefa de enfermería le pregunta dónde aprendió a hacer eso. «En doce años de pediatría», responde.\n\nGracias al carné de vacunas del albergue, Valentina empezó la escuela la primera semana. Por las tardes le enseña a su mamá las palabras de aquí: «achachay», cuando hace frío."
    end
    return "Marisol limpia los pasillos de una clínica de diez de la noche a seis de la mañana. No es el trabajo que estudió, pero conoce cada sonido de un hospital, y eso la acompaña.\n\nUna madrugada, un paciente se desorienta y se levanta de la cama. Marisol lo calma y avisa a tiempo. La jefa de enfermería le pregunta dónde aprendió a hacer eso. «En doce años de pediatría», responde.\n\nValentina tardó un mes en entrar a la escuela: hubo que rehacer su carné de vacunas. Ahora ya va, y por las tardes le enseña a su mamá las palabras de aquí: «achachay», cuando hace frío."
  end,
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

scene "marisol-fin-titulo" {
  title = "Papeles en regla",
  background = "images/ventana.png",
  ending = true,
  testimony = "marisol-titulo",
  on_enter = function(s) s.fin_marisol = "titulo"; s.ultimo = "marisol" end,
  text = "Una asesoría legal gratuita le explica el camino: regularizar su situación, pedir el reconocimiento del título y presentar un examen. Marisol cuida por las mañanas a una señora mayor y estudia de noche.\n\nUn jueves llega un correo: su título ha sido reconocido. Falta el examen. Marisol lo pega en la pared, junto al dibujo del puente.",
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

scene "marisol-fin-campana" {
  title = "La enfermera de la cuadra",
  background = "images/barrio.png",
  ending = true,
  on_enter = function(s) s.fin_marisol = "campana"; s.ultimo = "marisol" end,
  text = function(s)
    if s.m_albergue then
      return "Con la carta de la médica del albergue, Marisol se presenta en el centro de salud del barrio. Esa semana empieza la campaña de vacunación y faltan manos.\n\nDurante un mes recorre las calles empinadas con una nevera portátil, una lista y una sonrisa. Aprende los nombres de las vecinas, de los perros y de las tiendas. Los niños la llaman «la enfermera de Valentina».\n\nCuando termina la campaña, el centro de salud le ofrece medio tiempo como auxiliar mientras tramita su título. Esa noche, madre e hija cenan pan de yuca para celebrar."
    end
    return "Marisol llama a la enfermera que conoció en la frontera. «Venga el lunes», le dice. En el centro de salud del barrio empieza la campaña de vacunación y faltan manos.\n\nDurante un mes recorre las calles empinadas con una nevera portátil, una lista y una sonrisa. Aprende los nombres de las vecinas, de los perros y de las tiendas. Los niños la llaman «la enfermera de Valentina».\n\nCuando termina la campaña, el centro de salud le ofrece medio tiempo como auxiliar mientras tramita su título. Esa noche, madre e hija cenan pan de yuca para celebrar."
  end,
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

------------------------------------------------------------------------------------------
-- ANDRÉS: un muchacho que busca trabajo

scene "andres-1" {
  title = "Cúcuta, mediodía",
  layers = {
    { image = "images/cucuta-cielo.png", depth = 8 },
    { image = "images/cucuta-ciudad.png", depth = 4 },
    { image = "images/cucuta-terminal.png", depth = 1.6 },
  },
  camera = { from = { 0.1, -0.02, -0.2 }, to = { -0.08, 0, -0.45 }, seconds = 14 },
  text = "Andrés tiene veintidós años, una gorra roja y una caja de herramientas que era de su papá. En Maracay aprendió a reparar instalaciones eléctricas con un vecino, casa por casa. Quiere llegar a Quito, donde su amigo Yorman dice que hay trabajo.\n\nEn el bolsillo lleva cuarenta dólares y una lista escrita a mano: «1. Llegar. 2. Trabajar. 3. Mandarle algo a mamá».\n\nEn la plaza, un grupo de muchachos se prepara para salir caminando hacia el sur esa misma tarde. En la esquina, el dueño de un lavadero de carros busca a alguien para las próximas semanas.",
  choices = {
    { text = "Salir caminando con el grupo", go = "andres-camino" },
    { text = "Trabajar unas semanas en el lavadero para pagar el bus", go = "andres-lavadero" },
  },
}

scene "andres-camino" {
  title = "El páramo",
  layers = {
    { image = "images/paramo-cielo.png", depth = 8 },
    { image = "images/paramo-cerros.png", depth = 4.5 },
    { image = "images/paramo-camino.png", depth = 1.8 },
  },
  camera = { from = { -0.1, 0, 0 }, to = { 0.12, 0.02, -0.5 }, seconds = 20 },
  warnings = { "frío y cansancio en el camino" },
  skip_text = "Andrés camina tres semanas hacia el sur con un grupo y entra a Ecuador sin visa, por un camino lejos del puesto de migración. En el páramo, una voluntaria, Daniela, le da la dirección de una asociación de migrantes en Quito: «Pregunta por Nelly».",
  testimony = "andres-camino",
  on_enter = function(s) s.a_contacto = true end,
  text = "El grupo sale de Cúcuta y sube al páramo, entre frailejones y niebla. En un punto de atención humanitaria, Andrés arregla la luz del baño, y una voluntaria, Daniela, le anota la dirección de una asociación en Quito: «Pregunta por Nelly».\n\nSemanas después, en Ipiales, nadie del grupo tiene la visa que Ecuador pide desde 2019: cuesta tiempo y dinero que no tienen. Cruzan por un camino lejos del puesto de migración.",
  choices = {
    { text = "Seguir hasta Quito", go = "andres-mercado" },
  },
}

scene "andres-lavadero" {
  title = "El lavadero",
  background = "images/calle.png",
  on_enter = function(s) s.a_carta = true end,
  text = "Don Hernando, el dueño del lavadero, paga cada sábado sin falta. Una tarde se va la luz: Andrés encuentra el cable quemado y lo cambia.\n\nAl mes tiene el dinero del bus, y una carta de don Hernando: «Trabajador, puntual y sabe de electricidad. Lo recomiendo».",
  fact = {
    text = "En marzo de 2021, Colombia adoptó el Estatuto Temporal de Protección para Migrantes Venezolanos, con una vigencia de diez años, para que las personas venezolanas puedan regularizar su situación migratoria.",
    source = "Gobierno de Colombia, Decreto 216 del 1 de marzo de 2021",
    url = "https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i=159606",
  },
  choices = {
    { text = "Tomar el bus a Quito", go = "andres-mercado" },
  },
}

scene "andres-mercado" {
  title = "El mercado",
  panorama = "images/pano-mercado.png",
  look = { yaw = 0, pitch = 0, fov = 90 },
  text = function(s)
    if s.a_contacto then
      return "Sábado en el mercado de Quito: huele a naranjilla y a fritada. En la entrada, una mujer dice en voz alta que «ya no cabe nadie más». Andrés le sostiene la puerta; ella duda y le da las gracias. Hay un tablero de anuncios, un hombre que busca obreros y, bajo un toldo verde, la asociación que le anotó Daniela."
    end
    return "Sábado en el mercado de Quito: huele a naranjilla y a fritada. En la entrada, una mujer dice en voz alta que «ya no cabe nadie más». Andrés le sostiene la puerta; ella duda y le da las gracias. Hay un tablero de anuncios, un hombre que busca obreros y, bajo un toldo verde, una asociación de migrantes."
  end,
  choices = {
    { text = "El tablero de anuncios", go = "andres-anuncio", at = { yaw = -50, pitch = 8 } },
    { text = "El hombre de la camioneta", go = "andres-obra", at = { yaw = 38, pitch = 2 } },
    { text = "El toldo verde de la asociación", go = "andres-asociacion", at = { yaw = 150, pitch = 3 } },
  },
}

scene "andres-anuncio" {
  title = "Se busca ayudante",
  panorama = "images/pano-mercado.png",
  look = { yaw = -50, pitch = 5, fov = 75 },
  on_enter = function(s) s.a_efrain = true end,
  text = function(s)
    if s.a_carta then
      return "«Se busca ayudante de electricista. Presentarse con referencias». El taller está a dos cuadras. Lo atiende don Efraín, un quiteño de sesenta años con los lentes en la punta de la nariz.\n\nLee la carta de don Hernando dos veces. Luego le pasa a Andrés una lámpara que no enciende. Andrés la abre, encuentra el problema y la vuelve a cerrar.\n\n—Mañana a las siete —dice don Efraín—. Se paga cada semana, con recibo."
    end
    return "«Se busca ayudante de electricista. Presentarse con referencias». Andrés no tiene referencias, pero va igual. Lo atiende don Efraín, un quiteño de sesenta años con los lentes en la punta de la nariz.\n\n—¿Referencias? —pregunta. Andrés le muestra la caja de herramientas de su papá. Don Efraín le pasa una lámpara que no enciende. Andrés la abre, encuentra el problema y la vuelve a cerrar.\n\n—Una semana de prueba —dice don Efraín—. Se paga cada semana, con recibo."
  end,
  choices = {
    { text = "Empezar a trabajar", go = "andres-decision" },
  },
}

scene "andres-obra" {
  title = "La obra",
  panorama = "images/pano-mercado.png",
  look = { yaw = 45, pitch = -8, fov = 80 },
  warnings = { "explotación laboral (sin violencia)" },
  skip_to = "andres-libreta",
  testimony = "andres-obra",
  on_enter = function(s) s.a_obra = true end,
  text = "El hombre de la camioneta promete veinticinco dólares diarios por cargar material. Sin contrato, sin preguntas: sabe que, sin papeles en regla, Andrés no puede firmar uno. Andrés trabaja dos semanas con otros cinco, de siete a siete. El primer viernes le pagan completo; el segundo, la mitad. Después, el hombre no contesta el teléfono.\n\nAndrés lo anota todo en su libreta. Su papá le enseñó que lo que se anota no se lo lleva el viento.",
  choices = {
    { text = "Pensar qué hacer", go = "andres-decision" },
  },
}

-- Quien salta la obra llega aquí: sabe lo necesario, sin los detalles.
scene "andres-libreta" {
  title = "La libreta",
  background = "images/calle.png",
  on_enter = function(s) s.a_obra = nil; s.a_libreta = true end,
  text = "Andrés trabaja dos semanas en una obra, sin contrato. No todo sale como le prometieron, y él lo anota todo en su libreta: fechas, horas, nombres.",
  choices = {
    { text = "Pensar qué hacer", go = "andres-decision" },
  },
}

scene "andres-asociacion" {
  title = "El toldo verde",
  panorama = "images/pano-mercado.png",
  look = { yaw = 150, pitch = 0, fov = 80 },
  on_enter = function(s) s.a_asoc = true end,
  text = function(s)
    if s.a_contacto then
      return "Bajo el toldo verde lo recibe Nelly, venezolana, diez años en Quito: «Daniela me escribió: tú eres el que arregla cosas».\n\nLa asociación ofrece olla comunitaria, cuartos en alquiler y un taller de derechos laborales. Pronto empieza un curso de paneles solares; quedan dos cupos."
    end
    return "Bajo el toldo verde lo recibe Nelly, venezolana, diez años en Quito. Lee la carta de don Hernando y sonríe: «Electricista. Justo lo que nos hacía falta».\n\nLa asociación ofrece olla comunitaria, cuartos en alquiler y un taller de derechos laborales. Pronto empieza un curso de paneles solares; quedan dos cupos."
  end,
  fact = {
    text = "En 2022 había 167,7 millones de personas migrantes internacionales en la fuerza de trabajo: el 4,7 % del total mundial.",
    source = "OIT, Estimaciones mundiales sobre migrantes internacionales en la fuerza de trabajo, 4.ª edición (diciembre de 2024)",
    url = "https://ilostat.ilo.org/topics/labour-migration/international-migrants-modelled-estimates/",
  },
  choices = {
    { text = "Pensar qué hacer", go = "andres-decision" },
  },
}

scene "andres-decision" {
  title = "Lo que sigue",
  layers = {
    { image = "images/quito-cielo.png", depth = 8 },
    { image = "images/quito-ciudad.png", depth = 3.5 },
    { image = "images/quito-plaza.png", depth = 1.5 },
  },
  camera = { from = { 0.12, 0, -0.3 }, to = { -0.05, 0.02, -0.1 }, seconds = 15 },
  text = function(s)
    if s.a_obra then
      return "Esa noche, en el cuarto que comparte con Yorman, Andrés hace cuentas: le deben setenta y cinco dólares, tres días de trabajo. Yorman dice que así son las cosas. Pero Andrés tiene su libreta, con todo anotado.\n\n¿Qué hace ahora?"
    elseif s.a_libreta then
      return "Esa noche, en el cuarto que comparte con Yorman, Andrés repasa su libreta. Tiene todo anotado: fechas, horas, nombres. Yorman dice que así son las cosas; Andrés no está seguro.\n\n¿Qué hace ahora?"
    elseif s.a_efrain then
      return "Pasan tres meses en el taller de don Efraín. Andrés aprende los nombres de las calles y don Efraín aprende a pedir arepas. Los clientes preguntan por «el muchacho de la gorra».\n\nDon Efraín tiene una idea: muchos vecinos traen celulares, radios y ventiladores que nadie en la zona sabe reparar.\n\n¿Qué hace Andrés ahora?"
    end
    return "Andrés ayuda los domingos en la olla comunitaria y arregla el cableado del local de la asociación. Ya conoce a medio barrio.\n\nNelly le recuerda que el curso de paneles solares empieza el lunes. Pero él necesita ingresos ya: su mamá espera noticias.\n\n¿Qué hace ahora?"
  end,
  choices = {
    { text = "Reclamar lo que le deben, con ayuda de un consultorio jurídico gratuito", go = "andres-fin-reclamo",
      when = function(s) return s.a_obra or s.a_libreta end },
    { text = "Abrir con don Efraín un rincón de reparaciones en el taller", go = "andres-fin-taller",
      when = function(s) return s.a_efrain end },
    { text = "Inscribirse en el curso de paneles solares", go = "andres-fin-solar",
      when = function(s) return s.a_asoc or s.a_contacto end },
    { text = "Vender café por las mañanas mientras busca algo estable", go = "andres-fin-cafe" },
  },
}

scene "andres-fin-reclamo" {
  title = "Lo que se anota",
  background = "images/ciudad-noche.png",
  ending = true,
  on_enter = function(s) s.fin_andres = "reclamo"; s.ultimo = "andres" end,
  fact = {
    text = "En 2023, una de cada tres personas venezolanas en la región no tenía estatus regular ni los documentos para acceder a empleo digno, salud, vivienda o educación.",
    source = "R4V, RMNA 2023, en un comunicado de OIM y ACNUR",
    url = "https://www.unhcr.ca/news/iom-unhcr-partners-seek-1-59bn-for-refugees-migrants-from-venezuela-and-host-communities/",
  },
  text = "El consultorio jurídico gratuito de una universidad revisa la libreta de Andrés: fechas, horas, la placa de la camioneta. Con eso presenta el reclamo ante la autoridad de trabajo. Tarda dos meses, pero le pagan lo que le debían, a él y a sus cinco compañeros. Desde entonces, Andrés da a los recién llegados una tarjeta: «Anota la fecha, las horas, quién te contrata y dónde. Tu trabajo vale».",
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

scene "andres-fin-taller" {
  title = "Aquí se arregla casi todo",
  background = "images/barrio.png",
  ending = true,
  on_enter = function(s) s.fin_andres = "taller"; s.ultimo = "andres" end,
  text = "La nieta de don Efraín pinta un letrero para la puerta: «Aquí se arregla casi todo». Andrés repara celulares, licuadoras y radios antiguos; don Efraín atiende y conversa.\n\nCada mes, Andrés le manda dinero a su mamá en Maracay. Ella le responde con audios largos, llenos de consejos y de recetas.\n\nUna tarde, don Efraín le dice que algún día el taller podría ser de los dos. Andrés no contesta enseguida: está tratando de no llorar delante de un cliente.",
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

scene "andres-fin-solar" {
  title = "Techos de sol",
  panorama = "images/pano-terraza.png",
  look = { yaw = -150, pitch = -3, fov = 85 },
  ending = true,
  on_enter = function(s) s.fin_andres = "solar"; s.ultimo = "andres" end,
  text = function(s)
    if s.fin_carmen then
      return "El curso dura tres meses. Con la ingeniera Paola, Andrés aprende a calcular inclinaciones, a conectar inversores y a subir a los techos con arnés. Le gusta la altura: desde arriba, Quito parece un mapa.\n\nSu primer trabajo pagado es en un edificio del sur, con una terraza llena de plantas. Una señora venezolana, maestra jubilada, le sube café y le corrige la ortografía del presupuesto. Es Carmen.\n\nCon el certificado del curso, una empresa pequeña lo contrata. Ahora instala paneles en escuelas y centros de salud."
    end
    return "El curso dura tres meses. Con la ingeniera Paola, Andrés aprende a calcular inclinaciones, a conectar inversores y a subir a los techos con arnés. Le gusta la altura: desde arriba, Quito parece un mapa.\n\nSu primer trabajo pagado es en un edificio del sur, con una terraza llena de plantas. Una señora le sube café y le pregunta de dónde es. «De Maracay», dice él. «Yo, de Valencia», dice ella, y se ríen: eran casi vecinos sin saberlo.\n\nCon el certificado del curso, una empresa pequeña lo contrata. Ahora instala paneles en escuelas y centros de salud."
  end,
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

scene "andres-fin-cafe" {
  title = "Café de la mañana",
  background = "images/plaza.png",
  ending = true,
  on_enter = function(s) s.fin_andres = "cafe"; s.ultimo = "andres" end,
  text = "Andrés compra un termo grande y una canasta. Por las mañanas vende café y pan de yuca en la parada de buses; por las tardes busca trabajo de electricista y arregla lo que le traen los vecinos.\n\nNo es fácil: hay días de lluvia y días de pocas ventas. Pero ya tiene clientes fijos: una enfermera que sale del turno de noche, un guardia, dos estudiantes. Saben su nombre, y él sabe cómo toma cada uno el café.\n\nLos domingos lleva el termo a la plaza del barrio, donde un heladero ecuatoriano le guarda siempre un lugar a la sombra.",
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

------------------------------------------------------------------------------------------
-- CARMEN: una maestra jubilada que va a reunirse con su familia

scene "carmen-1" {
  title = "Valencia, la última noche",
  background = "images/ventana-valencia.png",
  text = "Carmen tiene sesenta y tres años y fue maestra de primaria durante treinta y dos. Enseñó a leer a medio barrio; algunos de sus alumnos ya son abuelos.\n\nSu hijo Luis vive en Quito desde hace cuatro años con su esposa, Yenny, y dos niños, Sofía y Matías. Le mandaron el pasaje. Carmen no quería irse, pero tampoco quiere ver crecer a sus nietos a través de una pantalla.\n\nSobre la cama hay una sola maleta. Cabe la ropa y una cosa más. Su vecina Yolanda guardará el resto.",
  choices = {
    { text = "Llevar la caja de fotos y cartas de la familia", go = "carmen-fotos" },
    { text = "Llevar el cuaderno de recetas y el budare de su mamá", go = "carmen-budare" },
  },
}

scene "carmen-fotos" {
  title = "La caja de fotos",
  background = "images/ventana-valencia.png",
  on_enter = function(s) s.c_fotos = true end,
  text = "Carmen elige la caja de zapatos con las fotos: su boda, el primer día de clases de Luis, la casa de su mamá en Tinaquillo, las cartas de su hermana Elena escritas a mano.\n\nLa envuelve en una toalla, en medio de la ropa, como si fuera de vidrio. «Las cosas se vuelven a comprar», piensa. «Las caras, no».",
  choices = {
    { text = "Salir hacia la terminal", go = "carmen-viaje" },
  },
}

scene "carmen-budare" {
  title = "Recetas y budare",
  background = "images/ventana-valencia.png",
  on_enter = function(s) s.c_recetas = true end,
  text = "Carmen elige el cuaderno de recetas de su mamá, con manchas de aceite en las páginas de las hallacas, y el budare de hierro donde se hicieron las arepas de toda su vida. Pesa como un recuerdo.\n\n«Donde hay un fogón, hay casa», decía su mamá.",
  choices = {
    { text = "Salir hacia la terminal", go = "carmen-viaje" },
  },
}

scene "carmen-viaje" {
  title = "Bus de noche",
  layers = {
    { image = "images/noche-cielo.png", depth = 8 },
    { image = "images/noche-montes.png", depth = 4 },
    { image = "images/noche-carretera.png", depth = 1.7 },
  },
  camera = { from = { -0.12, 0, 0 }, to = { 0.12, 0, -0.3 }, seconds = 20 },
  testimony = "carmen-andes",
  text = function(s)
    if s.c_fotos then
      return "El bus sale de Valencia, cruza la frontera y atraviesa Colombia de norte a sur: varios días con sus noches. Carmen duerme a ratos. La caja de fotos viaja en la maleta, envuelta en su toalla; en el bolsillo del abrigo lleva una sola foto, la de su boda, que sacó a última hora.\n\nA su lado viaja una muchacha que va a Lima. Se enseñan fotos: Carmen, las de su familia; la muchacha, las de su bebé, que la espera allá."
    end
    return "El bus sale de Valencia, cruza la frontera y atraviesa Colombia de norte a sur: varios días con sus noches. Carmen duerme a ratos, con el budare envuelto en periódico bajo el asiento.\n\nA su lado viaja una muchacha que va a Lima. Hablan de comida toda la noche: de quién le pone azúcar a la arepa y quién no."
  end,
  choices = {
    { text = "Llegar a Quito", go = "carmen-llegada" },
  },
}

scene "carmen-llegada" {
  title = "La llegada",
  layers = {
    { image = "images/quito-cielo.png", depth = 8 },
    { image = "images/quito-ciudad.png", depth = 3.5 },
    { image = "images/quito-plaza.png", depth = 1.5 },
  },
  camera = { from = { 0.06, 0.01, 0 }, to = { -0.04, 0, -0.4 }, seconds = 16 },
  text = "En la terminal de Quitumbe la esperan Luis, Yenny y los niños con un cartel: «Bienvenida, abuela». Sofía, de nueve años, le da la mano con timidez; Matías, de cinco, la abraza por las piernas.\n\nPor las mañanas todos salen y Carmen se queda sola con el silencio. A las tres semanas sube a la terraza a tomar aire.",
  fact = {
    text = "A mediados de 2024, unos 304 millones de personas eran migrantes internacionales: el 3,7 % de la población mundial.",
    source = "ONU DESA, International Migrant Stock 2024 (2025)",
    url = "https://www.un.org/development/desa/pd/content/international-migrant-stock",
  },
  choices = {
    { text = "Subir a la terraza", go = "carmen-terraza" },
  },
}

scene "carmen-terraza" {
  title = "La terraza",
  panorama = "images/pano-terraza.png",
  look = { yaw = 60, pitch = -4, fov = 100 },
  text = "Desde la terraza se ve medio Quito y, al fondo, las montañas. En una esquina, una señora riega plantas sembradas en baldes. Por una ventana abierta se oye a Sofía leer, despacio, tropezando.\n\nVibra el teléfono: es Elena, la hermana de Carmen, desde Valencia.",
  choices = {
    { text = "La señora de las plantas", go = "carmen-rosa", at = { yaw = 105, pitch = 0 } },
    { text = "La ventana de Sofía", go = "carmen-nietos", at = { yaw = -70, pitch = 5 } },
    { text = "El banco al sol, para contestar a Elena", go = "carmen-llamada", at = { yaw = 170, pitch = -2 } },
  },
}

scene "carmen-rosa" {
  title = "Doña Rosa",
  panorama = "images/pano-terraza.png",
  look = { yaw = 80, pitch = -10, fov = 75 },
  on_enter = function(s) s.c_rosa = true end,
  text = "La señora se llama Rosa. Es de Otavalo, tiene setenta y un años y vive en el quinto piso desde que el edificio tenía dos. En los baldes crecen cebolla blanca, cilantro, hierbabuena y una mata de tomate de árbol.\n\n—Aquí la tierra es buena, pero hay que hablarle —dice.\n\nCarmen le cuenta del patio de Valencia y de las matas de su mamá. Rosa le regala un balde con tierra negra. «Para que empiece». Esa tarde, por primera vez en tres semanas, Carmen tiene algo que hacer con las manos.",
  choices = {
    { text = "Dejar pasar el mes", go = "carmen-decision" },
  },
}

scene "carmen-nietos" {
  title = "La ventana de Sofía",
  panorama = "images/pano-terraza.png",
  look = { yaw = -70, pitch = -30, fov = 100 },
  on_enter = function(s) s.c_nietos = true end,
  text = "Carmen baja y se sienta junto a Sofía. La niña lee un cuento sobre un cóndor y se traba en las palabras largas. Se frustra. Cierra el libro.\n\nCarmen no le dice nada. Toma un lápiz, tapa media palabra con el dedo y le muestra la otra mitad. «Cón-dor». Sofía la lee. Luego la palabra entera. Luego la página.\n\nCuando Matías llega con su cuaderno de sumas, la mesa del comedor ya es un aula. Treinta y dos años de oficio no se quedan en una frontera.",
  choices = {
    { text = "Dejar pasar el mes", go = "carmen-decision" },
  },
}

scene "carmen-llamada" {
  title = "Elena",
  panorama = "images/pano-terraza.png",
  look = { yaw = 170, pitch = -12, fov = 80 },
  testimony = "carmen-domingo",
  on_enter = function(s) s.c_llamada = true end,
  text = "Carmen contesta en el banco al sol. Elena le cuenta que llovió en Valencia y que la mata de mango dio fruta. Carmen, que no ha llorado en tres semanas, llora. Elena no cuelga.\n\n—Extrañar no es estar mal. Es que allá hubo algo bueno. Tú siempre fuiste maestra, Carmen. Busca a quién enseñarle.",
  choices = {
    { text = "Dejar pasar el mes", go = "carmen-decision" },
  },
}

scene "carmen-decision" {
  title = "Un mes después",
  background = "images/barrio.png",
  text = function(s)
    if s.c_rosa then
      return "Pasa un mes. En la terraza, el balde de Carmen ya tiene cilantro y un ají pequeño. Rosa y Carmen se ven todas las tardes: una enseña a sembrar en la altura, la otra a llevar las cuentas del comité del edificio.\n\nEl sábado hay reunión del comité del barrio. Rosa la invita: «Usted tiene cosas que ofrecer, vecina».\n\n¿Qué quiere ofrecer Carmen?"
    elseif s.c_nietos then
      return "Pasa un mes. Sofía ya lee sola en voz alta, y ahora dos amigas de la escuela suben por las tardes a hacer tareas a la mesa del comedor: una es quiteña; la otra llegó de Colombia el año pasado.\n\nLa mamá de una de ellas pregunta si Carmen podría ayudar a más niños. Carmen no sabe qué responder.\n\n¿Qué quiere ofrecer Carmen?"
    end
    return "Pasa un mes. Carmen habla con Elena cada domingo, y ahora también con dos señoras del edificio que llegaron de Venezuela y de Colombia: se juntan a tomar café y a extrañar en compañía, que pesa menos.\n\nLas palabras de su hermana le siguen dando vueltas: «Busca a quién enseñarle».\n\n¿Qué quiere ofrecer Carmen?"
  end,
  choices = {
    { text = "Abrir un rincón de tareas en la casa comunal", go = "carmen-fin-tareas" },
    { text = "Cocinar con doña Rosa para la feria del domingo", go = "carmen-fin-cocina",
      when = function(s) return s.c_recetas or s.c_rosa end },
    { text = "Escribir con sus nietos el libro de la familia", go = "carmen-fin-libro",
      when = function(s) return s.c_fotos or s.c_llamada end },
  },
}

scene "carmen-fin-tareas" {
  title = "El rincón de tareas",
  background = "images/barrio.png",
  ending = true,
  on_enter = function(s) s.fin_carmen = "tareas"; s.ultimo = "carmen" end,
  text = "La casa comunal le presta un salón los martes y los jueves. Carmen pinta un cartel: «Rincón de tareas. Gratis. Para todos los niños». El primer día llegan cuatro; al mes siguiente, once: de Quito, de Venezuela, de Colombia, de Esmeraldas.\n\nLas familias se turnan para traer la merienda. Un papá ecuatoriano, carpintero, hace una repisa para los libros donados, y una vecina electricista arregla la luz del salón.\n\nSofía ayuda a leer a los más pequeños. Cuando alguien se traba en una palabra larga, ella tapa media palabra con el dedo, como le enseñó su abuela.",
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

scene "carmen-fin-cocina" {
  title = "Vecinas",
  background = "images/plaza.png",
  ending = true,
  on_enter = function(s) s.fin_carmen = "cocina"; s.ultimo = "carmen" end,
  text = function(s)
    if s.c_recetas then
      return "Carmen saca el budare de su mamá y Rosa trae su olla de barro. Los domingos montan un puesto en la feria del barrio: arepas de un lado, humitas del otro y, en el medio, un letrero que dice «Vecinas».\n\nLa gente hace fila para probar las dos cosas y discute en broma cuál es mejor. Nadie gana.\n\nLuis atiende la caja y lava las ollas. Con lo que sacan, Carmen paga su parte del arriendo y compra cuadernos para los nietos. Rosa ahorra para visitar a su hermana en Otavalo. Cada domingo, las dos mandan fotos del puesto a sus familias lejanas."
    end
    return "Carmen no trajo el budare de su mamá, pero Rosa le presta una plancha de hierro y le dice que las recetas se llevan en las manos. Los domingos montan un puesto en la feria del barrio: arepas de un lado, humitas del otro y, en el medio, un letrero que dice «Vecinas».\n\nLa gente hace fila para probar las dos cosas y discute en broma cuál es mejor. Nadie gana.\n\nLuis atiende la caja y lava las ollas. Con lo que sacan, Carmen paga su parte del arriendo y compra cuadernos para los nietos. Rosa ahorra para visitar a su hermana en Otavalo. Cada domingo, las dos mandan fotos del puesto a sus familias lejanas."
  end,
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

scene "carmen-fin-libro" {
  title = "El libro de la familia",
  background = "images/ventana.png",
  ending = true,
  on_enter = function(s) s.fin_carmen = "libro"; s.ultimo = "carmen" end,
  text = function(s)
    if s.c_fotos then
      return "Con la caja de fotos abierta sobre la mesa, Carmen y sus nietos hacen un libro a mano: una página por cada foto y una historia por cada página. Sofía escribe, Matías dibuja, Carmen cuenta.\n\nLa casa de Tinaquillo, la boda, el primer día de clases de papá. Luis llega del trabajo y se queda mirando, todavía con la chaqueta puesta.\n\nEn la última página, Sofía dibuja la terraza de Quito con todos ellos. «Para que el libro no se termine allá», dice."
    end
    return "Elena le manda por teléfono, desde Valencia, las fotos que quedaron en casa de la vecina. Carmen y sus nietos las imprimen en una papelería y hacen un libro a mano: una página por cada foto y una historia por cada página. Sofía escribe, Matías dibuja, Carmen cuenta.\n\nLa casa de Tinaquillo, la boda, el primer día de clases de papá. Luis llega del trabajo y se queda mirando, todavía con la chaqueta puesta.\n\nEn la última página, Sofía dibuja la terraza de Quito con todos ellos. «Para que el libro no se termine allá», dice."
  end,
  choices = {
    { text = "Ir a la plaza del domingo", go = "plaza" },
  },
}

------------------------------------------------------------------------------------------
-- La plaza del domingo: el cierre compartido

scene "plaza" {
  title = "La plaza del domingo",
  background = "images/plaza.png",
  on_enter = function(s)
    -- lo decidido dentro de cada camino ya se contó; queda solo cómo terminó cada uno
    s.m_albergue, s.m_info, s.m_cuarto, s.m_fila = nil, nil, nil, nil
    s.a_contacto, s.a_carta, s.a_efrain, s.a_obra, s.a_asoc, s.a_libreta = nil, nil, nil, nil, nil, nil
    s.c_fotos, s.c_recetas, s.c_rosa, s.c_nietos, s.c_llamada = nil, nil, nil, nil, nil
  end,
  text = function(s)
    if s.fin_marisol and s.fin_andres and s.fin_carmen then
      return "Domingo en la plaza del barrio: música, fútbol de niños y banderines de colores. Si miras bien, ahí están los tres. Marisol, en una banca, mientras Valentina dibuja a la gente. Andrés, arreglando el parlante. Carmen, saludando a medio barrio.\n\nSus caminos ya se cruzaron. Así se hacen las ciudades."
    elseif s.ultimo == "marisol" then
      return "Domingo en la plaza del barrio: música, fútbol de niños y banderines de colores. Marisol se sienta en una banca mientras Valentina dibuja a la gente: un muchacho de gorra roja que arregla el parlante, una señora que saluda a todo el mundo.\n\nAún no conoce sus historias, pero sabe que cada quien llegó por un camino."
    elseif s.ultimo == "andres" then
      return "Domingo en la plaza del barrio: música, fútbol de niños y banderines de colores. Andrés arregla el parlante para que la música no se corte. Desde ahí ve a una niña que dibuja a todo el mundo en un cuaderno y a una señora mayor que saluda a medio barrio.\n\nAún no conoce sus historias, pero sabe que cada quien llegó por un camino."
    end
    return "Domingo en la plaza del barrio: música, fútbol de niños y banderines de colores. Carmen saluda a medio barrio. Se fija en una niña que dibuja a la gente en un cuaderno, junto a su mamá, y en un muchacho de gorra roja que arregla el parlante.\n\nAún no conoce sus historias, pero sabe que cada quien llegó por un camino."
  end,
  fact = {
    text = "A finales de 2024, 123,2 millones de personas se habían visto obligadas a huir de sus hogares.",
    source = "ACNUR, Tendencias Globales: Desplazamiento forzado en 2024 (junio de 2025)",
    url = "https://www.unhcr.org/global-trends-report-2024",
  },
  choices = {
    { text = "Vivir otro camino", go = "elige",
      when = function(s) return not (s.fin_marisol and s.fin_andres and s.fin_carmen) end },
    { text = "Terminar", go = "gracias" },
  },
}

scene "gracias" {
  title = "Gracias",
  background = "images/portada.png",
  ending = true,
  text = "Gracias por acompañar estos caminos.\n\nMarisol, Andrés y Carmen son personajes compuestos. Sus historias se inspiran en testimonios públicos de personas venezolanas que rehicieron su vida en otros países, y en la solidaridad de quienes las recibieron. Ninguna persona real aparece retratada.\n\nSi esta historia te removió algo por dentro, habla de ello con alguien de confianza. Extrañar, cansarse y tener miedo son reacciones humanas; pedir apoyo también lo es. Aquí abajo hay organizaciones que orientan a personas refugiadas y migrantes.",
}
