package com.epicevents.crm.bootstrap.config;

import java.nio.file.Path;

/**
 * What the command line says; every component is null when the flag was not given.
 *
 * @param home {@code --home}
 * @param configFile {@code --config}
 * @param httpHost {@code --host} (crm serve)
 * @param httpPort {@code --port} (crm serve), kept as typed so a bad value is reported like any other
 */
public record ConfigOverrides(Path home, Path configFile, String httpHost, String httpPort) {
  public static final ConfigOverrides NONE = new ConfigOverrides(null, null, null, null);
}
