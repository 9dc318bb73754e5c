package dev.ariadne.store;

/** {@code callCount} calls from service {@code parent} to service {@code child}. */
public record DependencyLink(String parent, String child, long callCount) {}
