/** The JUnit 5 extension for ticdc-fake. */
package io.github.ticdcfake.junit5;
