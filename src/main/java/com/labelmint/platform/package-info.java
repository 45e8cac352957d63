/**
 * What every module uses: the event bus and its outbox, the error model, launch and operations
 * support. The platform imports no module.
 */
package com.labelmint.platform;
