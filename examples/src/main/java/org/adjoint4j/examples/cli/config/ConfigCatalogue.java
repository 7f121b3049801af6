package org.adjoint4j.examples.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The keys a configuration may contain, in documentation order, looked up by full name. */
public final class ConfigCatalogue {

    private final Map<String, ConfigKey<?>> keys = new LinkedHashMap<>();

    /**
     * A catalogue of {@code keys}.
     *
     * @throws IllegalArgumentException if a name appears twice
     */
    public ConfigCatalogue(List<ConfigKey<?>> keys) {
        for (ConfigKey<?> k : keys) {
            if (this.keys.put(k.name(), k) != null) {
                throw new IllegalArgumentException("key '" + k.name() + "' is declared twice");
            }
        }
    }

    /** The key called {@code name}, if there is one. */
    public Optional<ConfigKey<?>> find(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /** Every key, in order. */
    public List<ConfigKey<?>> keys() {
        return List.copyOf(keys.values());
    }

    /** The sections, in order of first appearance. */
    public Set<String> sections() {
        Set<String> sections = new LinkedHashSet<>();
        keys.values().forEach(k -> sections.add(k.section()));
        return sections;
    }

    /** The local names of the keys of {@code section}, in order. */
    public List<String> localNames(String section) {
        List<String> names = new ArrayList<>();
        for (ConfigKey<?> k : keys.values()) {
            if (k.section().equals(section)) {
                names.add(k.localName());
            }
        }
        return names;
    }
}
