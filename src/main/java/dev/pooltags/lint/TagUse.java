package dev.pooltags.lint;

import dev.pooltags.project.Project;
import dev.pooltags.tag.PoolTag;

/**
 * One place a tag is used: for the inventory ({@code lint --tags}).
 *
 * @param tag      the tag
 * @param routine  the routine it is passed to
 * @param site     where the call is
 * @param constant the name the source gives the tag ({@code MY_TAG}), or the literal as written
 * @param definedAt where that name is defined, or null for a literal
 * @param project  the driver project
 */
public record TagUse(PoolTag tag, String routine, Location site, String constant, Location definedAt, Project project) {
}
