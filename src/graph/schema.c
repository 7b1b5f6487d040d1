/* The graph's vocabulary as tables: every name of a type, relation,
 * modality and mention kind exists here once. */
#include <string.h>

#include "newsgraph/schema.h"

#define P NG_TYPE_BIT(NG_PERSON)
#define S NG_TYPE_BIT(NG_STATE)
#define O NG_TYPE_BIT(NG_ORGANIZATION)
#define C NG_TYPE_BIT(NG_COMPANY)
#define A NG_TYPE_BIT(NG_AGREEMENT)
#define L NG_TYPE_BIT(NG_LOCATION)
#define G NG_TYPE_BIT(NG_GROUP)
#define ACTORS (P | S | O | C | G)

static const char *const type_names[NG_NTYPES] = {
	"person", "state", "organization", "company", "agreement", "location", "group"};

static const ng_relation_info relations[NG_NRELATIONS] = {
	[NG_REL_VISITS] = {"visits", 0, "042", P | S | O, S | L},
	[NG_REL_MEETS] = {"meets", 1, "040", P | S | O, P | S | O},
	[NG_REL_SIGNS] = {"signs", 0, "057", P | S | O | C, A},
	[NG_REL_PARTY_TO] = {"party_to", 0, "057", S | O | C, A},
	[NG_REL_COOPERATES_WITH] = {"cooperates_with", 1, "050", S | O | C, S | O | C},
	[NG_REL_ALLIED_WITH] = {"allied_with", 1, "050", S | O, S | O},
	[NG_REL_TRADES_WITH] = {"trades_with", 1, "061", S | C, S | C},
	[NG_REL_SUPPLIES] = {"supplies", 0, "061", ACTORS, ACTORS},
	[NG_REL_SUPPORTS] = {"supports", 0, "070", ACTORS, ACTORS},
	[NG_REL_SANCTIONS] = {"sanctions", 0, "163", ACTORS, ACTORS},
	[NG_REL_CRITICIZES] = {"criticizes", 0, "111", P | S | O | G, NG_ALL_TYPES},
	[NG_REL_THREATENS] = {"threatens", 0, "130", NG_ALL_TYPES, NG_ALL_TYPES},
	[NG_REL_ATTACKS] = {"attacks", 0, "190", S | O | G, S | L | O},
	[NG_REL_AT_WAR_WITH] = {"at_war_with", 1, "190", S | O, S | O},
	[NG_REL_LEADS] = {"leads", 0, NULL, P, S | O | C},
	[NG_REL_WORKS_FOR] = {"works_for", 0, NULL, P, S | O | C},
	[NG_REL_APPOINTS] = {"appoints", 0, NULL, P | S | O, P},
	[NG_REL_MEMBER_OF] = {"member_of", 0, NULL, P | S | O | C, O | G},
	[NG_REL_PART_OF] = {"part_of", 0, NULL, O, O | S},
	[NG_REL_BASED_IN] = {"based_in", 0, NULL, O | C, S | L},
	[NG_REL_OWNS] = {"owns", 0, NULL, S | C | P, C | O},
	[NG_REL_INVESTS_IN] = {"invests_in", 0, "061", S | O | C | P, C | O | S | L | A},
	[NG_REL_LOCATED_IN] = {"located_in", 0, NULL, L, L | S},
	[NG_REL_SPEAKS_TO] = {"speaks_to", 0, "010", P | O, O | P},
};

static const char *const modality_names[NG_NMODALITIES] = {"asserted", "reported", "expected", "hypothetical"};
static const char *const kind_names[NG_NKINDS] = {"name", "nominal", "pronoun"};

static int find(const char *const *names, size_t stride, int n, const char *s, size_t len)
{
	for (int i = 0; i < n; i++) {
		const char *name = *(const char *const *)((const char *)names + (size_t)i * stride);
		if (strlen(name) == len && memcmp(name, s, len) == 0)
			return i;
	}
	return -1;
}

int ng_node_id_valid(const char *id, ng_type type)
{
	const char *name = ng_type_name(type);
	size_t l = strlen(name);
	return strncmp(id, name, l) == 0 && id[l] == ':' && id[l + 1];
}

/* The number of the n digits at s, or -1 when one is not a digit. */
static int digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* 1: month m (and day d, when d > 0) exist in year y (y < 0: any year,
 * so February has 29 days); 0: they do not. */
static int calendar(int y, int m, int d)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12 || d > days[m - 1] || d == 0)
		return 0;
	return !(m == 2 && d == 29 && y >= 0 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

int ng_date_check(const char *s, size_t n, int partial)
{
	if (n == 10 && s[4] == '-' && s[7] == '-') {
		int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
		return y < 0 || m < 0 || d < 0 ? -1 : calendar(y, m, d);
	}
	if (!partial)
		return -1;
	if (n == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-') {
		int m = digits(s + 2, 2), d = digits(s + 5, 2);
		return m < 0 || d < 0 ? -1 : calendar(-1, m, d);
	}
	if (n == 7 && s[4] == '-') {
		int y = digits(s, 4), m = digits(s + 5, 2);
		return y < 0 || m < 0 ? -1 : calendar(y, m, -1);
	}
	if (n == 4)
		return digits(s, 4) < 0 ? -1 : 1;
	return -1;
}

const ng_relation_info *ng_relation_get(ng_relation rel)
{
	return (unsigned)rel < NG_NRELATIONS ? &relations[rel] : NULL;
}

const char *ng_type_name(ng_type type)
{
	return (unsigned)type < NG_NTYPES ? type_names[type] : "unknown";
}

const char *ng_relation_name(ng_relation rel)
{
	return (unsigned)rel < NG_NRELATIONS ? relations[rel].name : "unknown";
}

const char *ng_modality_name(ng_modality m)
{
	return (unsigned)m < NG_NMODALITIES ? modality_names[m] : "unknown";
}

const char *ng_mention_kind_name(ng_mention_kind kind)
{
	return (unsigned)kind < NG_NKINDS ? kind_names[kind] : "unknown";
}

int ng_type_parse(const char *s, size_t n)
{
	return find(type_names, sizeof *type_names, NG_NTYPES, s, n);
}

int ng_relation_parse(const char *s, size_t n)
{
	return find(&relations[0].name, sizeof *relations, NG_NRELATIONS, s, n);
}

int ng_modality_parse(const char *s, size_t n)
{
	return find(modality_names, sizeof *modality_names, NG_NMODALITIES, s, n);
}

int ng_mention_kind_parse(const char *s, size_t n)
{
	return find(kind_names, sizeof *kind_names, NG_NKINDS, s, n);
}
