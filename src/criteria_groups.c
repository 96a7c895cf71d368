/* criteria_groups.c - the groups of a criteria set (criteria_groups.h). */
#include "criteria_groups.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

int criteria_group_find(const struct criteria_groups *g, const char *name)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->names[i], name) == 0)
			return (int)i;
	return -1;
}

/* The group called NAME, added when G has none yet (G has room for one
 * group per criterion). */
static size_t group_of_name(struct criteria_groups *g, const char *name)
{
	int at = criteria_group_find(g, name);
	if (at >= 0)
		return (size_t)at;
	g->names[g->n] = name;
	g->count[g->n] = 0;
	return g->n++;
}

void criteria_groups_init(struct criteria_groups *g, const struct criteria *c)
{
	size_t m = c->ncriteria;
	*g = (struct criteria_groups){ 0 };
	g->of = xcalloc(m ? m : 1, sizeof *g->of);
	int any = 0;
	for (size_t k = 0; k < m; k++)
		any |= c->criteria[k].group != NULL;
	if (!any)
		return;
	g->names = xcalloc(m, sizeof *g->names);
	g->count = xcalloc(m, sizeof *g->count);
	for (size_t k = 0; k < m; k++) {
		const char *name = c->criteria[k].group;
		g->of[k] = group_of_name(g, name ? name : CRITERIA_GROUP_OTHER);
		g->count[g->of[k]]++;
	}
}

void criteria_groups_free(struct criteria_groups *g)
{
	free(g->names);
	free(g->of);
	free(g->count);
	*g = (struct criteria_groups){ 0 };
}
