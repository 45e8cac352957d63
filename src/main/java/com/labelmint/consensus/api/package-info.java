/**
 * The public face of the consensus module: its facade for synchronous questions, the records the facade
 * returns, and the events the module publishes. The only package of the module that others import.
 */
package com.labelmint.consensus.api;
