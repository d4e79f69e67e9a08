/* test-report-type.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-enums.h"
#include "yeastar-report-type.h"

/* The 22 type names in the vendor page's order. */
static const char * const expected_names[] = {
  "extcallstatistics", "extcallactivity", "trunkactivity", "trunkdiddodactivity",
  "ivr", "aisttusage", "unreturnmisscall", "queueavgwaittalktime",
  "queueperformance", "queueperformanceactivity", "queuecallbackssummary",
  "queuecallbacksactivity", "queuesatisfaction", "queuesatisfactiondetail",
  "queueagentlogintime", "queueagentpausetime", "queueagentmisscalls",
  "queueagentperformance", "queueagentinoutcalls", "ringgroupstatistics",
  "extcallbilling", "extcallbillingdetails",
};

static const YeastarReportType *
lookup (const char *name)
{
  const YeastarReportType *type = yeastar_report_type_lookup (name);

  g_assert_nonnull (type);
  return type;
}

/* The names (space-separated) of every type for which @param has
 * @availability, in table order. */
static char *
types_with (YeastarParam        param,
            YeastarAvailability availability)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (i);

      if (yeastar_report_type_get_availability (type, param) == availability)
        g_ptr_array_add (names, (gpointer) yeastar_report_type_get_api_name (type));
    }
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_names_and_lookup (void)
{
  g_assert_cmpuint (yeastar_report_type_get_count (), ==, G_N_ELEMENTS (expected_names));

  for (guint i = 0; i < G_N_ELEMENTS (expected_names); i++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (i);

      g_assert_cmpstr (yeastar_report_type_get_api_name (type), ==, expected_names[i]);
      g_assert_true (yeastar_report_type_lookup (expected_names[i]) == type);
      g_assert_cmpuint (yeastar_report_type_get_index (type), ==, i);
      g_assert_nonnull (yeastar_report_type_get_title (type));
      g_assert_cmpstr (yeastar_report_type_get_title (type), !=, "");
      g_assert_cmpint (yeastar_report_type_get_category (type), <, YEASTAR_N_CATEGORIES);
    }

  g_assert_null (yeastar_report_type_lookup (""));
  g_assert_null (yeastar_report_type_lookup ("EXTCALLSTATISTICS"));
  g_assert_null (yeastar_report_type_lookup ("aireceptionistcallactivity"));
  g_assert_cmpstr (yeastar_report_type_get_title (lookup ("queueavgwaittalktime")), ==,
                   "Queue AVG Waiting & Talking Time");
  g_assert_cmpstr (yeastar_report_type_get_title (lookup ("trunkdiddodactivity")), ==,
                   "DID/Outbound Caller ID Activity");
}

static void
test_categories (void)
{
  static const struct {
    const char      *name;
    YeastarCategory  category;
  } cases[] = {
    { "extcallstatistics", YEASTAR_CATEGORY_EXTENSION },
    { "extcallactivity", YEASTAR_CATEGORY_EXTENSION },
    { "trunkactivity", YEASTAR_CATEGORY_TRUNK },
    { "trunkdiddodactivity", YEASTAR_CATEGORY_TRUNK },
    { "ivr", YEASTAR_CATEGORY_IVR },
    { "aisttusage", YEASTAR_CATEGORY_OTHER },
    { "unreturnmisscall", YEASTAR_CATEGORY_OTHER },
    { "queueavgwaittalktime", YEASTAR_CATEGORY_QUEUE },
    { "queuesatisfaction", YEASTAR_CATEGORY_QUEUE },
    { "queuesatisfactiondetail", YEASTAR_CATEGORY_QUEUE },
    { "queueagentlogintime", YEASTAR_CATEGORY_AGENT },
    { "queueagentinoutcalls", YEASTAR_CATEGORY_AGENT },
    { "ringgroupstatistics", YEASTAR_CATEGORY_RING_GROUP },
    { "extcallbilling", YEASTAR_CATEGORY_ACCOUNTING },
    { "extcallbillingdetails", YEASTAR_CATEGORY_ACCOUNTING },
  };
  guint per_category[YEASTAR_N_CATEGORIES] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (yeastar_report_type_get_category (lookup (cases[i].name)), ==, cases[i].category);

  /* Every category is used, and has a title. */
  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    per_category[yeastar_report_type_get_category (yeastar_report_type_get_nth (i))]++;
  for (guint c = 0; c < YEASTAR_N_CATEGORIES; c++)
    {
      g_assert_cmpuint (per_category[c], >, 0);
      g_assert_nonnull (yeastar_category_get_title (c));
    }
  g_assert_cmpuint (per_category[YEASTAR_CATEGORY_QUEUE], ==, 7);
  g_assert_cmpuint (per_category[YEASTAR_CATEGORY_AGENT], ==, 5);
  g_assert_cmpstr (yeastar_category_get_title (YEASTAR_CATEGORY_RING_GROUP), ==, "Ring group");

  /* The sidebar's headings, as the PBX groups its reports. */
  g_assert_cmpstr (yeastar_category_get_group_title (YEASTAR_CATEGORY_IVR), ==, "IVR & Auto Attendant");
  g_assert_cmpstr (yeastar_category_get_group_title (YEASTAR_CATEGORY_RING_GROUP), ==, "Ring Groups");
}

/* Every type has a one-line description of its own. */
static void
test_descriptions (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      const char *description = yeastar_report_type_get_description (yeastar_report_type_get_nth (i));

      g_assert_cmpuint (strlen (description), >, 20);
      g_assert_null (strchr (description, '\n'));
      g_assert_true (g_hash_table_add (seen, (gpointer) description));
    }
}

static void
test_range_and_period (void)
{
  g_autofree char *range = types_with (YEASTAR_PARAM_START_TIME, YEASTAR_AVAILABILITY_OPTIONAL);
  g_autofree char *range_end = types_with (YEASTAR_PARAM_END_TIME, YEASTAR_AVAILABILITY_OPTIONAL);
  g_autofree char *range_required = types_with (YEASTAR_PARAM_START_TIME, YEASTAR_AVAILABILITY_REQUIRED);
  g_autofree char *period = types_with (YEASTAR_PARAM_TIME, YEASTAR_AVAILABILITY_REQUIRED);
  g_autofree char *period_optional = types_with (YEASTAR_PARAM_TIME, YEASTAR_AVAILABILITY_OPTIONAL);

  g_assert_cmpstr (range, ==,
                   "extcallstatistics ivr aisttusage unreturnmisscall queueperformance "
                   "queuecallbackssummary queuecallbacksactivity queuesatisfaction "
                   "queuesatisfactiondetail queueagentlogintime queueagentpausetime "
                   "queueagentmisscalls queueagentperformance queueagentinoutcalls "
                   "ringgroupstatistics extcallbilling extcallbillingdetails");
  g_assert_cmpstr (range_end, ==, range);
  g_assert_cmpstr (range_required, ==, "");
  g_assert_cmpstr (period, ==,
                   "extcallactivity trunkactivity trunkdiddodactivity "
                   "queueavgwaittalktime queueperformanceactivity");
  g_assert_cmpstr (period_optional, ==, "");

  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (i);

      /* Exactly one of the two ways to say "when". */
      g_assert_true (yeastar_report_type_uses_range (type) != yeastar_report_type_uses_period (type));
    }
}

static void
test_availability (void)
{
  static const struct {
    YeastarParam  param;
    const char   *optional;
    const char   *required;
  } cases[] = {
    { YEASTAR_PARAM_EXT_ID_LIST, "extcallbilling extcallbillingdetails", "extcallstatistics extcallactivity" },
    { YEASTAR_PARAM_TRUNK_ID, "", "trunkdiddodactivity" },
    { YEASTAR_PARAM_TRUNK_ID_LIST, "", "trunkactivity extcallbilling extcallbillingdetails" },
    { YEASTAR_PARAM_IVR_ID_LIST, "", "ivr" },
    { YEASTAR_PARAM_RING_GROUP_ID_LIST, "", "ringgroupstatistics" },
    { YEASTAR_PARAM_QUEUE_ID, "",
      "queuesatisfaction queuesatisfactiondetail queueagentlogintime queueagentpausetime "
      "queueagentmisscalls queueagentperformance queueagentinoutcalls" },
    { YEASTAR_PARAM_QUEUE_ID_LIST, "",
      "queueavgwaittalktime queueperformance queueperformanceactivity "
      "queuecallbackssummary queuecallbacksactivity" },
    { YEASTAR_PARAM_AGENT_ID_LIST,
      "queuesatisfactiondetail queueagentlogintime queueagentpausetime "
      "queueagentmisscalls queueagentperformance queueagentinoutcalls", "" },
    { YEASTAR_PARAM_ABANDON_TIME,
      "unreturnmisscall queueperformance queueperformanceactivity "
      "queueagentmisscalls queueagentperformance", "" },
    { YEASTAR_PARAM_TALK_TIME, "queueperformance", "" },
    { YEASTAR_PARAM_INCLUDE_INTERNAL, "trunkactivity", "" },
    { YEASTAR_PARAM_CALLBACK_RESULT, "queuecallbacksactivity", "" },
    { YEASTAR_PARAM_REASON, "queueagentpausetime", "" },
    { YEASTAR_PARAM_COMMUNICATION_TYPE,
      "extcallstatistics extcallactivity trunkactivity trunkdiddodactivity", "" },
    { YEASTAR_PARAM_CALL_FROM, "unreturnmisscall", "" },
    { YEASTAR_PARAM_CALL_TO, "unreturnmisscall", "" },
    { YEASTAR_PARAM_CALL_TO_TYPE, "unreturnmisscall", "" },
    { YEASTAR_PARAM_MISS_CALL_TYPE, "unreturnmisscall", "" },
    { YEASTAR_PARAM_UNRETURN_STATUS, "unreturnmisscall", "" },
    { YEASTAR_PARAM_NEED_DETAIL, "ivr queueperformance queueperformanceactivity queueagentperformance", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *optional = types_with (cases[i].param, YEASTAR_AVAILABILITY_OPTIONAL);
      g_autofree char *required = types_with (cases[i].param, YEASTAR_AVAILABILITY_REQUIRED);

      g_test_message ("%s", yeastar_param_get_api_name (cases[i].param));
      g_assert_cmpstr (optional, ==, cases[i].optional);
      g_assert_cmpstr (required, ==, cases[i].required);
    }

  /* is_async: optional everywhere. */
  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (i);

      g_assert_cmpint (yeastar_report_type_get_availability (type, YEASTAR_PARAM_IS_ASYNC), ==,
                       YEASTAR_AVAILABILITY_OPTIONAL);
      g_assert_true (yeastar_report_type_takes (type, YEASTAR_PARAM_IS_ASYNC));
      g_assert_false (yeastar_report_type_requires (type, YEASTAR_PARAM_IS_ASYNC));
    }

  g_assert_true (yeastar_report_type_requires (lookup ("ivr"), YEASTAR_PARAM_IVR_ID_LIST));
  g_assert_false (yeastar_report_type_takes (lookup ("ivr"), YEASTAR_PARAM_QUEUE_ID));
  g_assert_false (yeastar_report_type_takes (lookup ("aisttusage"), YEASTAR_PARAM_EXT_ID_LIST));
}

static void
test_params (void)
{
  GEnumClass *klass = g_type_class_ref (YEASTAR_TYPE_PARAM);
  static const struct {
    YeastarParam      param;
    YeastarValueKind  kind;
    const char       *menu;
  } kinds[] = {
    { YEASTAR_PARAM_START_TIME, YEASTAR_VALUE_DATE_TIME, NULL },
    { YEASTAR_PARAM_END_TIME, YEASTAR_VALUE_DATE_TIME, NULL },
    { YEASTAR_PARAM_TIME, YEASTAR_VALUE_PERIOD, NULL },
    { YEASTAR_PARAM_EXT_ID_LIST, YEASTAR_VALUE_ID_LIST, "extension" },
    { YEASTAR_PARAM_TRUNK_ID, YEASTAR_VALUE_ID, "trunk" },
    { YEASTAR_PARAM_TRUNK_ID_LIST, YEASTAR_VALUE_ID_LIST, "trunk" },
    { YEASTAR_PARAM_IVR_ID_LIST, YEASTAR_VALUE_ID_LIST, "IVR" },
    { YEASTAR_PARAM_RING_GROUP_ID_LIST, YEASTAR_VALUE_ID_LIST, "ring_group" },
    { YEASTAR_PARAM_QUEUE_ID, YEASTAR_VALUE_ID, "queue" },
    { YEASTAR_PARAM_QUEUE_ID_LIST, YEASTAR_VALUE_ID_LIST, "queue" },
    { YEASTAR_PARAM_AGENT_ID_LIST, YEASTAR_VALUE_ID_LIST, "queue_agent" },
    { YEASTAR_PARAM_ABANDON_TIME, YEASTAR_VALUE_SECONDS, NULL },
    { YEASTAR_PARAM_TALK_TIME, YEASTAR_VALUE_SECONDS, NULL },
    { YEASTAR_PARAM_INCLUDE_INTERNAL, YEASTAR_VALUE_FLAG, NULL },
    { YEASTAR_PARAM_CALLBACK_RESULT, YEASTAR_VALUE_ENUM, NULL },
    { YEASTAR_PARAM_REASON, YEASTAR_VALUE_TEXT, NULL },
    { YEASTAR_PARAM_COMMUNICATION_TYPE, YEASTAR_VALUE_ENUM, NULL },
    { YEASTAR_PARAM_CALL_FROM, YEASTAR_VALUE_TEXT, NULL },
    { YEASTAR_PARAM_CALL_TO, YEASTAR_VALUE_TEXT, NULL },
    { YEASTAR_PARAM_CALL_TO_TYPE, YEASTAR_VALUE_ENUM, NULL },
    { YEASTAR_PARAM_MISS_CALL_TYPE, YEASTAR_VALUE_ENUM, NULL },
    { YEASTAR_PARAM_UNRETURN_STATUS, YEASTAR_VALUE_ENUM, NULL },
    { YEASTAR_PARAM_NEED_DETAIL, YEASTAR_VALUE_FLAG, NULL },
    { YEASTAR_PARAM_IS_ASYNC, YEASTAR_VALUE_FLAG, NULL },
  };
  const char * const *ext_menus;
  YeastarParam param;

  g_assert_cmpuint (G_N_ELEMENTS (kinds), ==, YEASTAR_N_PARAMS);

  for (guint i = 0; i < YEASTAR_N_PARAMS; i++)
    {
      GEnumValue *value = g_enum_get_value (klass, (int) i);
      g_autofree char *expected = NULL;

      g_assert_cmpint (kinds[i].param, ==, i);
      g_assert_cmpint (yeastar_param_get_value_kind (i), ==, kinds[i].kind);
      g_assert_cmpstr (yeastar_param_get_menu (i), ==, kinds[i].menu);
      g_assert_nonnull (yeastar_param_get_title (i));

      /* The API name is the enum name without YEASTAR_PARAM_, lower case
       * (this catches a table row in the wrong place). */
      g_assert_true (g_str_has_prefix (value->value_name, "YEASTAR_PARAM_"));
      expected = g_ascii_strdown (value->value_name + strlen ("YEASTAR_PARAM_"), -1);
      g_assert_cmpstr (yeastar_param_get_api_name (i), ==, expected);
      g_assert_true (yeastar_param_from_api_name (expected, &param));
      g_assert_cmpint (param, ==, i);
    }

  g_assert_false (yeastar_param_from_api_name ("type", &param));
  g_assert_false (yeastar_param_from_api_name ("access_token", NULL));
  g_assert_false (yeastar_param_from_api_name ("", NULL));

  ext_menus = yeastar_param_get_menus (YEASTAR_PARAM_EXT_ID_LIST);
  g_assert_nonnull (ext_menus);
  g_assert_cmpstr (ext_menus[0], ==, "extension");
  g_assert_cmpstr (ext_menus[1], ==, "ext_group");
  g_assert_null (ext_menus[2]);
  g_assert_null (yeastar_param_get_menus (YEASTAR_PARAM_REASON));

  g_assert_cmpstr (yeastar_param_get_title (YEASTAR_PARAM_EXT_ID_LIST), ==, "Extensions");

  g_type_class_unref (klass);
}

static void
test_enum_values (void)
{
  static const char * const ext_types[] = { "Inbound", "Outbound", "Internal", NULL };
  static const char * const trunk_types[] = { "Inbound", "Outbound", NULL };
  static const char * const callback[] = { "success", "fail", NULL };
  static const char * const call_to[] = { "Extension", "Queue", "RingGroup", NULL };
  static const char * const missed[] = { "no_answer", "busy", "abandoned", NULL };
  static const char * const unreturn[] = { "1", "2", NULL };

  g_assert_cmpstrv (yeastar_report_type_get_enum_values (lookup ("extcallstatistics"), YEASTAR_PARAM_COMMUNICATION_TYPE), ext_types);
  g_assert_cmpstrv (yeastar_report_type_get_enum_values (lookup ("extcallactivity"), YEASTAR_PARAM_COMMUNICATION_TYPE), ext_types);
  g_assert_cmpstrv (yeastar_report_type_get_enum_values (lookup ("trunkactivity"), YEASTAR_PARAM_COMMUNICATION_TYPE), trunk_types);
  g_assert_cmpstrv (yeastar_report_type_get_enum_values (lookup ("trunkdiddodactivity"), YEASTAR_PARAM_COMMUNICATION_TYPE), trunk_types);
  g_assert_cmpstrv (yeastar_report_type_get_enum_values (lookup ("queuecallbacksactivity"), YEASTAR_PARAM_CALLBACK_RESULT), callback);
  g_assert_cmpstrv (yeastar_report_type_get_enum_values (lookup ("unreturnmisscall"), YEASTAR_PARAM_CALL_TO_TYPE), call_to);
  g_assert_cmpstrv (yeastar_report_type_get_enum_values (lookup ("unreturnmisscall"), YEASTAR_PARAM_MISS_CALL_TYPE), missed);
  g_assert_cmpstrv (yeastar_report_type_get_enum_values (lookup ("unreturnmisscall"), YEASTAR_PARAM_UNRETURN_STATUS), unreturn);

  /* Not an enum, or not taken by the type. */
  g_assert_null (yeastar_report_type_get_enum_values (lookup ("unreturnmisscall"), YEASTAR_PARAM_CALL_FROM));
  g_assert_null (yeastar_report_type_get_enum_values (lookup ("ivr"), YEASTAR_PARAM_COMMUNICATION_TYPE));

  /* Every allowed value of every type has a title. */
  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (i);

      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        {
          const char * const *values = yeastar_report_type_get_enum_values (type, p);

          g_assert_true ((values != NULL) ==
                         (yeastar_param_get_value_kind (p) == YEASTAR_VALUE_ENUM &&
                          yeastar_report_type_takes (type, p)));
          for (guint v = 0; values != NULL && values[v] != NULL; v++)
            g_assert_nonnull (yeastar_param_get_enum_value_title (p, values[v]));
        }
    }

  g_assert_cmpstr (yeastar_param_get_enum_value_title (YEASTAR_PARAM_MISS_CALL_TYPE, "no_answer"), ==, "No answer");
  g_assert_cmpstr (yeastar_param_get_enum_value_title (YEASTAR_PARAM_UNRETURN_STATUS, "1"), ==, "Returned");
  g_assert_cmpstr (yeastar_param_get_enum_value_title (YEASTAR_PARAM_UNRETURN_STATUS, "2"), ==, "Not returned");
  g_assert_cmpstr (yeastar_param_get_enum_value_title (YEASTAR_PARAM_CALL_TO_TYPE, "RingGroup"), ==, "Ring group");
  g_assert_null (yeastar_param_get_enum_value_title (YEASTAR_PARAM_UNRETURN_STATUS, "3"));
  g_assert_null (yeastar_param_get_enum_value_title (YEASTAR_PARAM_MISS_CALL_TYPE, "Busy"));
  g_assert_null (yeastar_param_get_enum_value_title (YEASTAR_PARAM_CALL_FROM, "1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/report-type/names", test_names_and_lookup);
  g_test_add_func ("/yeastar/report-type/categories", test_categories);
  g_test_add_func ("/yeastar/report-type/descriptions", test_descriptions);
  g_test_add_func ("/yeastar/report-type/range-and-period", test_range_and_period);
  g_test_add_func ("/yeastar/report-type/availability", test_availability);
  g_test_add_func ("/yeastar/report-type/params", test_params);
  g_test_add_func ("/yeastar/report-type/enum-values", test_enum_values);

  return g_test_run ();
}
