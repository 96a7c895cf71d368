/* criteria_groups.h - the groups of a criteria set, for comparing criteria
 * in pairs level by level: within each group, then the groups themselves
 * (docs/scoring.md, "The hierarchy").
 *
 * The groups are the distinct `group` texts of the criteria, in the order
 * they first appear. In a set where some criteria have a group and some do
 * not, those without one form the group "Other" (joining a group of that
 * name, if the set has one). A set where no criterion has a group is flat:
 * it has no groups, and its criteria are compared all together. */
#ifndef VERDICT_CRITERIA_GROUPS_H
#define VERDICT_CRITERIA_GROUPS_H

#include <stddef.h>

#include "criteria.h"

#define CRITERIA_GROUP_OTHER "Other"

struct criteria_groups {
	size_t n;               /* 0 for a flat set */
	const char **names;     /* [n]: the model's own strings, or CRITERIA_GROUP_OTHER */
	size_t *of;             /* [ncriteria]: each criterion's group (0 for a flat set) */
	size_t *count;          /* [n]: how many criteria each group has */
};

/* The groups of C into G, which the caller frees with criteria_groups_free()
 * (and which must not outlive C). */
void criteria_groups_init(struct criteria_groups *g, const struct criteria *c);
void criteria_groups_free(struct criteria_groups *g);

/* The index of the group called NAME, or -1. */
int criteria_group_find(const struct criteria_groups *g, const char *name);

#endif
