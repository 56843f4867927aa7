/* The operator PIN: stored only as a libsodium crypto_pwhash_str hash (Argon2id) in
 * kiosk.lua, checked with crypto_pwhash_str_verify, and guarded against guessing at the
 * screen: after 3 wrong PINs the pad is locked for 30 s, then each further wrong PIN doubles
 * the wait (60 s, 120 s, ... at most 15 minutes). The counters live in memory only: a
 * restart clears them, walking away (the idle reset) does not, a right PIN does. */
#ifndef ORL_KIOSK_PIN_H
#define ORL_KIOSK_PIN_H
#include <stddef.h>

#define ORL_PIN_MIN_DIGITS 4
#define ORL_PIN_MAX_DIGITS 12
#define ORL_PIN_FREE_TRIES 3
#define ORL_PIN_FIRST_WAIT 30.0
#define ORL_PIN_MAX_WAIT 900.0
#define ORL_PIN_HASH_MAX 128

/* 1 when pin is 4 to 12 digits. */
int orl_pin_format_ok(const char *pin);
/* Hashes a PIN (crypto_pwhash_str, interactive limits) into out. 0, or -1 with a reason. */
int orl_pin_hash(const char *pin, char out[ORL_PIN_HASH_MAX], char *err, size_t errlen);
/* 1 when pin matches hash, 0 when not (or the hash is not one). */
int orl_pin_verify(const char *hash, const char *pin);

typedef struct orl_pin_guard {
    int wrong;            /* wrong PINs since the last right one */
    double locked_until;  /* clock seconds; 0 = not locked */
} orl_pin_guard;

/* Seconds to wait before the next try (0: may try now). now: any monotonic clock. */
double orl_pin_wait(const orl_pin_guard *g, double now);
/* Tries a PIN: 1 right (the counters are cleared), 0 wrong (counted; may lock), -1 locked
 * (not even checked). A NULL hash is always wrong. */
int orl_pin_try(orl_pin_guard *g, const char *hash, const char *pin, double now);

#endif
