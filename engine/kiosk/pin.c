/* Operator PIN: see pin.h. */
#include "kiosk/pin.h"
#include <sodium.h>
#include <stdio.h>
#include <string.h>

int orl_pin_format_ok(const char *pin)
{
    if (!pin) return 0;
    size_t n = strlen(pin);
    if (n < ORL_PIN_MIN_DIGITS || n > ORL_PIN_MAX_DIGITS) return 0;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9') return 0;
    return 1;
}

int orl_pin_hash(const char *pin, char out[ORL_PIN_HASH_MAX], char *err, size_t errlen)
{
    if (!orl_pin_format_ok(pin)) {
        snprintf(err, errlen, "a PIN is %d to %d digits (0-9)", ORL_PIN_MIN_DIGITS, ORL_PIN_MAX_DIGITS);
        return -1;
    }
    if (sodium_init() < 0) {
        snprintf(err, errlen, "libsodium cannot start");
        return -1;
    }
    char h[crypto_pwhash_STRBYTES];
    _Static_assert(crypto_pwhash_STRBYTES <= ORL_PIN_HASH_MAX, "hash buffer");
    if (crypto_pwhash_str(h, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        snprintf(err, errlen, "not enough memory to hash the PIN");
        return -1;
    }
    memcpy(out, h, sizeof h);
    out[ORL_PIN_HASH_MAX - 1] = 0;
    sodium_memzero(h, sizeof h);
    return 0;
}

int orl_pin_verify(const char *hash, const char *pin)
{
    if (!hash || !pin || sodium_init() < 0) return 0;
    if (strlen(hash) >= crypto_pwhash_STRBYTES) return 0;
    return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

double orl_pin_wait(const orl_pin_guard *g, double now)
{
    return g->locked_until > now ? g->locked_until - now : 0.0;
}

int orl_pin_try(orl_pin_guard *g, const char *hash, const char *pin, double now)
{
    if (orl_pin_wait(g, now) > 0) return -1;
    if (hash && orl_pin_format_ok(pin) && orl_pin_verify(hash, pin)) {
        g->wrong = 0;
        g->locked_until = 0;
        return 1;
    }
    g->wrong++;
    if (g->wrong >= ORL_PIN_FREE_TRIES) {
        double wait = ORL_PIN_FIRST_WAIT;
        for (int i = ORL_PIN_FREE_TRIES; i < g->wrong && wait < ORL_PIN_MAX_WAIT; i++) wait *= 2;
        if (wait > ORL_PIN_MAX_WAIT) wait = ORL_PIN_MAX_WAIT;
        g->locked_until = now + wait;
    }
    return 0;
}
