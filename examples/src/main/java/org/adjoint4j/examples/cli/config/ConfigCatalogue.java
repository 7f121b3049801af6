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
     * @param keys the keys, in documentation order; names must be distinct
     * @throws IllegalArgumentException if a name appears twice
     */
    public ConfigCatalogue(List<ConfigKey<?>> keys) {
        for (ConfigKey<?> k : keys) {
            if (this.keys.put(k.name(), k) != null) {
                throw new IllegalArgumentException("key '" + k.name() + "' is declared twice");
            }
        }
    }

    /**
     * The key called {@code name}, if there is one.
     *
     * @param name a full dotted name, e.g. {@code checkpointing.memory_slots}
     * @return the key, or empty if the catalogue has no key of that name
     */
    public Optional<ConfigKey<?>> find(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /**
     * Every key, in order.
     *
     * @return an unmodifiable list of the keys in documentation order
     */
    public List<ConfigKey<?>> keys() {
        return List.copyOf(keys.values());
    }

    /**
     * The sections, in order of first appearance.
     *
     * @return a new set of section names (the part of a key's name before the dot)
     */
    public Set<String> sections() {
        Set<String> sections = new LinkedHashSet<>();
        keys.values().forEach(k -> sections.add(k.section()));
        return sections;
    }

    /**
     * The local names of the keys of {@code section}, in order.
     *
     * @param section a section name, e.g. {@code checkpointing}
     * @return a new list of the names after the dot; empty if there is no such section
     */
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
