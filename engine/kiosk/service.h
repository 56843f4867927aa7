/* The kiosk under a service manager, and its display:
 *
 *   systemd's notify protocol (sd_notify, libsystemd): READY=1 once the first frame is on
 *   the screen, WATCHDOG=1 from the frame loop at half the unit's WatchdogSec=, STOPPING=1
 *   on the way out. Under cage the kiosk is cage's child, not the unit's main process: the
 *   unit says NotifyAccess=all, and the watchdog interval is taken when WATCHDOG_PID names
 *   this process or its parent (cage), where sd_watchdog_enabled() accepts only the first.
 *
 *   orl_display_alive: whether the X server or Wayland compositor the window lives on still
 *   accepts connections (a connect() to its socket): when cage or X stops, the kiosk exits
 *   instead of running on, orphaned, with nobody to see it. */
#ifndef ORL_KIOSK_SERVICE_H
#define ORL_KIOSK_SERVICE_H

/* The watchdog's interval in microseconds (WATCHDOG_USEC) when it applies to this process
 * (see above), else 0. */
unsigned long long orl_service_watchdog_usec(void);
/* Sends "READY=1" (and a STATUS= line) / "WATCHDOG=1" / "STOPPING=1" when NOTIFY_SOCKET is
 * set; nothing otherwise. Never blocks for long, never fails the kiosk. */
void orl_service_ready(const char *status);
void orl_service_watchdog(void);
void orl_service_stopping(void);

/* 1 when the display the window is on still answers, 0 when it has gone, -1 when this
 * cannot be told (an unknown SDL video driver, a display given some other way). `driver`
 * is SDL_GetCurrentVideoDriver(). */
int orl_display_alive(const char *driver);

#endif
