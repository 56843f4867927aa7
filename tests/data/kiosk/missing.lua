-- tests/e2e/cases/kiosk_out_of_order.t: no bundle can be read
kiosk {
  languages = { "es", "en", "fr", "ar" },
  bundles = { "no-such-story.orilla" },
  pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$8VB/Qvv5zVNvuwNUeoRnbQ$Ifs7ZTv5qS3sco0tvgyS+qpu6Ku14PpsXeWymBW+l70",
}
