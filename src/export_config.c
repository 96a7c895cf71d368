/* export_config.c - the defaults of a person's reports, from YAML. */
#include "export_config.h"

#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "schema.h"
#include "xalloc.h"
#include "yaml_tree.h"

static const char *const config_keys[] = {
	"prepared_by", "prepared_for", "logo", "paper", NULL,
};
enum { KEY_BY, KEY_FOR, KEY_LOGO, KEY_PAPER, NKEYS };

static char *text_or_null(struct diags *d, const struct ynode *n, const char *key)
{
	const char *t = schema_text(d, n, key);
	return t ? xstrdup(t) : NULL;
}

/* Whether TEXT holds nothing but blank lines and comments. */
static int only_comments(const char *text, size_t len)
{
	size_t i = 0;
	while (i < len) {
		while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
			i++;
		if (i < len && text[i] == '#')
			while (i < len && text[i] != '\n')
				i++;
		if (i < len && text[i] != '\n')
			return 0;
		i++;
	}
	return 1;
}

int export_config_parse(const char *text, size_t len, struct export_config *cfg,
                        struct diags *d)
{
	memset(cfg, 0, sizeof *cfg);
	size_t before = d->count + d->dropped;
	if (only_comments(text, len))
		return 0;       /* an empty file: no defaults */
	struct ytree tree;
	const struct ynode *root = yaml_tree_parse(&tree, text, len, d);
	if (!root)
		return -1;
	if (root->kind != YNODE_MAP) {
		diags_add(d, root->line, root->column, "the top level must be a mapping of keys "
		          "(prepared_by, prepared_for, logo, paper), got %s", ynode_kind_name(root));
	} else {
		const struct ynode *found[NKEYS];
		schema_fields(d, root, "the top level", config_keys, found);
		cfg->prepared_by = text_or_null(d, found[KEY_BY], "prepared_by");
		cfg->prepared_for = text_or_null(d, found[KEY_FOR], "prepared_for");
		cfg->logo = text_or_null(d, found[KEY_LOGO], "logo");
		const char *paper = schema_text(d, found[KEY_PAPER], "paper");
		if (paper) {
			if (report_paper_parse(paper, &cfg->paper) == 0)
				cfg->has_paper = 1;
			else
				diags_add(d, found[KEY_PAPER]->line, found[KEY_PAPER]->column,
				          "'paper' must be a4 or letter, got '%.80s'", paper);
		}
	}
	yaml_tree_free(&tree);
	if (d->count + d->dropped > before) {
		export_config_free(cfg);
		return -1;
	}
	return 0;
}

void export_config_free(struct export_config *cfg)
{
	free(cfg->prepared_by);
	free(cfg->prepared_for);
	free(cfg->logo);
	memset(cfg, 0, sizeof *cfg);
}
