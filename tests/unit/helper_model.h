/* layer: model */
/* helper_model.h - for unit tests: a criteria set and answers from YAML text
 * that must be valid, any diagnostic printed before the test fails. */
#ifndef VERDICT_HELPER_MODEL_H
#define VERDICT_HELPER_MODEL_H

#include "criteria.h"
#include "session.h"

/* The model of criteria TEXT (named t.yaml), asserted valid. */
struct criteria *model_parse(const char *text);
/* The session of answers TEXT (named a.yaml) for C, asserted valid. */
struct session *model_answers(const struct criteria *c, const char *text);

#endif
