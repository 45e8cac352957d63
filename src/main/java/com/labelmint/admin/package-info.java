/**
 * The admin console: server-rendered Qute pages under {@code /admin}. A client of the other modules
 * like any other: it reads and acts only through their {@code api} packages.
 */
package com.labelmint.admin;
