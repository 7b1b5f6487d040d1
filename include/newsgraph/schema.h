/* The graph's vocabulary: entity types, relation types with their symmetry,
 * allowed endpoint types and CAMEO codes, modalities and mention kinds. One
 * table that every stage, every writer, the CLI and the tests read; SCHEMA.md
 * describes what each means. */
#ifndef NEWSGRAPH_SCHEMA_H
#define NEWSGRAPH_SCHEMA_H

#include <stddef.h>
#include "newsgraph/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Entity (node) types. */
typedef enum ng_type {
	NG_PERSON,
	NG_STATE,
	NG_ORGANIZATION,
	NG_COMPANY,
	NG_AGREEMENT,
	NG_LOCATION,
	NG_GROUP,
	NG_NTYPES
} ng_type;

/* A set of entity types: bit (1u << type) per member. */
#define NG_TYPE_BIT(t) (1u << (t))
#define NG_ALL_TYPES ((1u << NG_NTYPES) - 1)

/* Relation (edge) types, in the order of the relation table. */
typedef enum ng_relation {
	NG_REL_VISITS,
	NG_REL_MEETS,
	NG_REL_SIGNS,
	NG_REL_PARTY_TO,
	NG_REL_COOPERATES_WITH,
	NG_REL_ALLIED_WITH,
	NG_REL_TRADES_WITH,
	NG_REL_SUPPLIES,
	NG_REL_SUPPORTS,
	NG_REL_SANCTIONS,
	NG_REL_CRITICIZES,
	NG_REL_THREATENS,
	NG_REL_ATTACKS,
	NG_REL_AT_WAR_WITH,
	NG_REL_LEADS,
	NG_REL_WORKS_FOR,
	NG_REL_APPOINTS,
	NG_REL_MEMBER_OF,
	NG_REL_PART_OF,
	NG_REL_BASED_IN,
	NG_REL_OWNS,
	NG_REL_INVESTS_IN,
	NG_REL_LOCATED_IN,
	NG_REL_SPEAKS_TO,
	NG_NRELATIONS
} ng_relation;

/* How a relation was stated, strongest first: an edge takes the strongest
 * modality of its evidence. */
typedef enum ng_modality {
	NG_ASSERTED,
	NG_REPORTED,
	NG_EXPECTED,
	NG_HYPOTHETICAL,
	NG_NMODALITIES
} ng_modality;

/* What a mention is: a name, a nominal ("the company") or a pronoun. */
typedef enum ng_mention_kind {
	NG_NAME,
	NG_NOMINAL,
	NG_PRONOUN,
	NG_NKINDS
} ng_mention_kind;

/* One row of the relation table. */
typedef struct ng_relation_info {
	const char *name;     /* as written in graphs: "visits" */
	int symmetric;        /* written once, endpoints in id order */
	const char *cameo;    /* CAMEO event code, or NULL */
	unsigned source_types; /* NG_TYPE_BIT set of allowed source types */
	unsigned target_types; /* and of allowed target types */
} ng_relation_info;

/* The relation table's row for `rel`; NULL when out of range. */
NG_EXTERN const ng_relation_info *ng_relation_get(ng_relation rel);

/* Names, as written in graphs ("person", "visits", "asserted", "name");
 * "unknown" when out of range. The strings are static. */
NG_EXTERN const char *ng_type_name(ng_type type);
NG_EXTERN const char *ng_relation_name(ng_relation rel);
NG_EXTERN const char *ng_modality_name(ng_modality m);
NG_EXTERN const char *ng_mention_kind_name(ng_mention_kind kind);

/* Parses the first n bytes of s as a name: the value, or -1 when unknown. */
NG_EXTERN int ng_type_parse(const char *s, size_t n);
NG_EXTERN int ng_relation_parse(const char *s, size_t n);
NG_EXTERN int ng_modality_parse(const char *s, size_t n);
NG_EXTERN int ng_mention_kind_parse(const char *s, size_t n);

/* Is `id` a node id of entity type `type`: "<type>:" and at least one
 * character (the readers check every id; libcgraph would take a name
 * starting with '%' for one of its own). */
NG_EXTERN int ng_node_id_valid(const char *id, ng_type type);

/* Checks the n bytes at s as a date the way graphs hold them: ISO 8601
 * YYYY-MM-DD, or with `partial` also YYYY-MM, YYYY and --MM-DD (a day
 * without its year). Returns 1 for a day of the calendar (2024-02-29 yes,
 * 2023-02-29 and 2024-04-31 no), 0 for that shape but no such day, -1 for
 * another shape. */
NG_EXTERN int ng_date_check(const char *s, size_t n, int partial);

#ifdef __cplusplus
}
#endif

#endif
