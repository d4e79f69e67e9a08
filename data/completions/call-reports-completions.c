/* call-reports-completions.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <stdarg.h>
#include <string.h>

#include "reports-cli.h"
#include "reports-cli-set.h"
#include "reports-cli-set-private.h"
#include "yeastar-date-range.h"
#include "yeastar-menu.h"
#include "yeastar-report-type.h"

/*
 * call-reports-completions BINARY bash|zsh|fish OUTPUT
 *
 * Writes the shell completion of call-reports at build time, so that it
 * cannot drift from the program:
 *
 * - the commands come from the command line's own table
 *   (reports_cli_get_commands ());
 * - the report types, the options each takes and their values come from
 *   the report-type table of src/yeastar, and the option names from
 *   reports_cli_dup_param_option (), as `download` itself makes them;
 * - the menus of `options` and the --range presets from their tables;
 * - every other option of each command from what `BINARY COMMAND
 *   --help-all` prints, with its argument: an argument written a|b|c is
 *   completed with those values, DIR with folders, FILE with files;
 * - the subcommands of `set` from its table, each a command "set-NAME" of
 *   its own to the shells' code, with the options of `BINARY set NAME
 *   --help-all`; the set names of `run` and of the subcommands that take
 *   one from `BINARY set list` when Tab is pressed.
 */

typedef struct
{
  char  *name;        /* without the dashes */
  char   short_name;  /* or 0 */
  char  *arg;         /* the argument's name, or NULL for a switch */
  char  *description;
} Option;

static void
option_free (Option *option)
{
  g_free (option->name);
  g_free (option->arg);
  g_free (option->description);
  g_free (option);
}

typedef struct
{
  const char *name;        /* NULL for call-reports without a command; "set-add" for `set add` */
  const char *summary;
  GPtrArray  *options;     /* Option: all but the report parameters */
  gboolean    sub;         /* a subcommand of set */
} Command;

/* The subcommands of set whose first argument is a set's name. */
static const char * const set_name_commands[] = {
  "run", "set-add", "set-remove", "set-show", "set-delete", "set-export", "set-schedule",
  "set-unschedule", NULL,
};

static gboolean
is_param_option (const char *name)
{
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autofree char *option = reports_cli_dup_param_option (p);

      if (g_str_equal (option, name))
        return TRUE;
    }

  return FALSE;
}

/* The options `BINARY [COMMAND] --help-all` prints, without the help
 * options themselves and without the report parameters, which depend on
 * the type and come from the table. */
static GPtrArray *
read_options (const char  *binary,
              const char  *command,
              const char  *subcommand,
              GError     **error)
{
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func ((GDestroyNotify) option_free);
  g_autoptr(GRegex) regex = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[5] = { binary, NULL, NULL, NULL, NULL };
  int status;

  if (subcommand != NULL)
    {
      argv[1] = command;
      argv[2] = subcommand;
      argv[3] = "--help-all";
    }
  else if (command != NULL)
    {
      argv[1] = command;
      argv[2] = "--help-all";
    }
  else
    argv[1] = "--help-all";

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return NULL;

  /* "--name=ARG" as GOptionContext prints it, or "--name ARG…" as the
   * subcommands that read their arguments by hand (set schedule) do. */
  regex = g_regex_new ("^  (?:-(\\w), )?--([a-z][a-z0-9-]*)(?:[= ](\\S+(?: \\S+)*?))?(?:\\s{2,}(.*))?$", 0, 0, error);
  if (regex == NULL)
    return NULL;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *short_name = NULL;
      g_autofree char *name = NULL;
      g_autofree char *arg = NULL;
      Option *option;

      if (!g_regex_match (regex, lines[i], 0, &match))
        continue;

      name = g_match_info_fetch (match, 2);
      if (g_str_has_prefix (name, "help") || g_str_has_prefix (name, "gapplication-") ||
          (command != NULL && (g_str_equal (command, "download") || g_strcmp0 (subcommand, "add") == 0) &&
           is_param_option (name)))
        continue;

      short_name = g_match_info_fetch (match, 1);
      arg = g_match_info_fetch (match, 3);
      option = g_new0 (Option, 1);
      option->name = g_steal_pointer (&name);
      option->short_name = short_name != NULL ? short_name[0] : 0;
      option->arg = arg != NULL && arg[0] != '\0' ? g_steal_pointer (&arg) : NULL;
      option->description = g_strstrip (g_match_info_fetch (match, 4));
      g_ptr_array_add (options, option);
    }

  return g_steal_pointer (&options);
}

/* The values an argument written "a|b|c" takes, or NULL. */
static GStrv
arg_values (const char *arg)
{
  if (arg == NULL || strchr (arg, '|') == NULL || strpbrk (arg, " [") != NULL)
    return NULL;

  return g_strsplit (arg, "|", -1);
}

/* Where the values of an option's argument come from. */
typedef enum
{
  ARG_NONE,     /* a switch */
  ARG_FREE,     /* anything: nothing to complete */
  ARG_WORDS,    /* a list of words */
  ARG_FOLDER,
  ARG_FILE,
} ArgKind;

static ArgKind
arg_kind (const char *arg)
{
  g_auto(GStrv) values = arg_values (arg);

  if (arg == NULL)
    return ARG_NONE;
  if (values != NULL)
    return ARG_WORDS;
  if (g_str_equal (arg, "DIR"))
    return ARG_FOLDER;
  if (g_str_equal (arg, "FILE"))
    return ARG_FILE;

  return ARG_FREE;
}

/* The words an option's argument is completed with, joined by spaces:
 * types, range presets, or the a|b|c of its argument; NULL for others. */
static char *
dup_words (const Option *option)
{
  g_auto(GStrv) values = NULL;

  if (g_str_equal (option->name, "type"))
    {
      g_autoptr(GString) words = g_string_new (NULL);

      for (guint i = 0; i < yeastar_report_type_get_count (); i++)
        g_string_append_printf (words, "%s%s", i > 0 ? " " : "",
                                yeastar_report_type_get_api_name (yeastar_report_type_get_nth (i)));
      return g_string_free (g_steal_pointer (&words), FALSE);
    }

  if (g_str_equal (option->name, "range"))
    return g_strjoinv (" ", (char **) yeastar_date_range_get_names ());

  values = arg_values (option->arg);
  if (values != NULL)
    return g_strjoinv (" ", values);

  return NULL;
}

/* A report parameter's option of one type, and its values. */
static char *
dup_param_words (const YeastarReportType *type,
                 YeastarParam             param)
{
  const char * const *values = yeastar_report_type_get_enum_values (type, param);

  if (yeastar_param_get_value_kind (param) != YEASTAR_VALUE_ENUM || values == NULL)
    return NULL;

  return g_strjoinv (" ", (char **) values);
}

/* A set's report takes no dates (--range gives them): @dates FALSE. */
static gboolean
takes_param (const YeastarReportType *type,
             YeastarParam             param,
             gboolean                 dates)
{
  YeastarValueKind kind = yeastar_param_get_value_kind (param);

  if (!dates && (kind == YEASTAR_VALUE_DATE_TIME || kind == YEASTAR_VALUE_PERIOD))
    return FALSE;

  return yeastar_report_type_takes (type, param);
}

static char *
dup_type_options (const YeastarReportType *type,
                  gboolean                 dates)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autofree char *option = NULL;

      if (!takes_param (type, p, dates))
        continue;
      option = reports_cli_dup_param_option (p);
      g_string_append_printf (words, "%s--%s", words->len > 0 ? " " : "", option);
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static char *
dup_option_words (GPtrArray *options)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < options->len; i++)
    {
      const Option *option = g_ptr_array_index (options, i);

      g_string_append_printf (words, "%s--%s", words->len > 0 ? " " : "", option->name);
      if (option->short_name != 0)
        g_string_append_printf (words, " -%c", option->short_name);
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static char *
dup_command_words (Command *commands,
                   guint    n_commands)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 1; i < n_commands; i++)
    {
      if (!commands[i].sub)
        g_string_append_printf (words, "%s%s", words->len > 0 ? " " : "", commands[i].name);
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* The subcommands of set, joined by spaces. */
static char *
dup_set_words (Command *commands,
               guint    n_commands)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 1; i < n_commands; i++)
    {
      if (commands[i].sub)
        g_string_append_printf (words, "%s%s", words->len > 0 ? " " : "", commands[i].name + strlen ("set-"));
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static char *
dup_menu_words (void)
{
  return g_strjoinv (" ", (char **) yeastar_menu_get_names ());
}

/* The options of every command that take an argument, as a shell case
 * pattern "--a|-a|--b". */
static char *
dup_arg_pattern (Command *commands,
                 guint    n_commands)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) pattern = g_string_new (NULL);

  for (guint c = 0; c < n_commands; c++)
    for (guint i = 0; i < commands[c].options->len; i++)
      {
        const Option *option = g_ptr_array_index (commands[c].options, i);
        g_autofree char *word = NULL;

        if (option->arg == NULL)
          continue;
        word = g_strdup_printf ("--%s", option->name);
        if (g_hash_table_add (seen, g_strdup (word)))
          g_string_append_printf (pattern, "%s%s", pattern->len > 0 ? "|" : "", word);
        if (option->short_name != 0)
          {
            g_free (word);
            word = g_strdup_printf ("-%c", option->short_name);
            if (g_hash_table_add (seen, g_strdup (word)))
              g_string_append_printf (pattern, "|%s", word);
          }
      }

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autofree char *option = NULL;

      if (yeastar_param_get_value_kind (p) == YEASTAR_VALUE_FLAG)
        continue;
      option = reports_cli_dup_param_option (p);
      g_string_append_printf (pattern, "|--%s", option);
    }

  return g_string_free (g_steal_pointer (&pattern), FALSE);
}


/* Shell text: one generated line, with the file's indentation. */
G_GNUC_PRINTF (2, 3)
static void
line (GString    *out,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
  g_string_append_c (out, '\n');
}

/* A text in single quotes for sh, zsh and fish: ' ends the quote, and fish
 * also gives \ a meaning there. */
static char *
quote (const char *text,
       gboolean    fish)
{
  g_autoptr(GString) quoted = g_string_new ("'");

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append (quoted, fish ? "\\'" : "'\\''");
      else if (*p == '\\' && fish)
        g_string_append (quoted, "\\\\");
      else
        g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static const char header[] =
  "Generated at build time by data/completions/call-reports-completions.c\n"
  "# from call-reports' report-type table and --help; do not edit.";

/* The completion of an option's argument, as sh/zsh case branches: one
 * per command and option that takes words, a folder or a file; with
 * params, one per type and report parameter that takes one of a list. */
static void
write_value_cases (GString    *out,
                   Command    *commands,
                   guint       n_commands,
                   gboolean    params,
                   const char *variable,
                   const char *indent,
                   const char *open,
                   const char *folder,
                   const char *file)
{
  for (guint c = 0; c < n_commands; c++)
    for (guint i = 0; i < commands[c].options->len; i++)
      {
        const Option *option = g_ptr_array_index (commands[c].options, i);
        g_autofree char *words = dup_words (option);
        g_autofree char *pattern = NULL;
        const char *command = commands[c].name != NULL ? commands[c].name : "";

        if (option->short_name != 0)
          pattern = g_strdup_printf ("%s%s:--%s|%s:-%c", open, command, option->name, command, option->short_name);
        else
          pattern = g_strdup_printf ("%s%s:--%s", open, command, option->name);

        switch (arg_kind (option->arg))
          {
          case ARG_WORDS:
          case ARG_FREE:
            if (words != NULL)
              line (out, "%s%s) %s='%s' ;;", indent, pattern, variable, words);
            break;
          case ARG_FOLDER:
            line (out, "%s%s) %s ;;", indent, pattern, folder);
            break;
          case ARG_FILE:
            line (out, "%s%s) %s ;;", indent, pattern, file);
            break;
          case ARG_NONE:
          default:
            break;
          }
      }

  /* The report parameters that take one of a list, per type. */
  for (guint t = 0; params && t < yeastar_report_type_get_count (); t++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (t);

      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        {
          g_autofree char *words = NULL;
          g_autofree char *option = NULL;

          if (!yeastar_report_type_takes (type, p))
            continue;
          words = dup_param_words (type, p);
          if (words == NULL)
            continue;
          option = reports_cli_dup_param_option (p);
          line (out, "%s%sdownload:%s:--%s|set-add:%s:--%s) %s='%s' ;;", indent, open,
                yeastar_report_type_get_api_name (type), option,
                yeastar_report_type_get_api_name (type), option, variable, words);
        }
    }
}

static void
write_type_cases (GString    *out,
                  const char *indent,
                  const char *open,
                  const char *variable,
                  gboolean    dates)
{
  for (guint t = 0; t < yeastar_report_type_get_count (); t++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (t);
      g_autofree char *options = dup_type_options (type, dates);

      line (out, "%s%s%s) %s=\"$%s %s\" ;;", indent, open,
            yeastar_report_type_get_api_name (type), variable, variable, options);
    }
}

static void
write_bash (GString *out,
            Command *commands,
            guint    n_commands)
{
  g_autofree char *arg_pattern = dup_arg_pattern (commands, n_commands);
  g_autofree char *command_words = dup_command_words (commands, n_commands);
  g_autofree char *command_pattern = g_strdelimit (g_strdup (command_words), " ", '|');
  g_autofree char *menus = dup_menu_words ();
  g_autofree char *set_words = dup_set_words (commands, n_commands);
  g_autofree char *set_name_pattern = g_strjoinv ("|", (char **) set_name_commands);
  g_autofree char *types = NULL;
  Option type_option = { (char *) "type", 0, NULL, NULL };

  types = dup_words (&type_option);

  line (out, "# bash completion for call-reports(1). %s", header);
  g_string_append_c (out, '\n');
  line (out, "_call_reports ()");
  line (out, "{");
  line (out, "  local cur=${COMP_WORDS[COMP_CWORD]} prev= command= type= words= i");
  line (out, "  COMPREPLY=()");
  g_string_append_c (out, '\n');
  line (out, "  # bash splits --option=value at the =.");
  line (out, "  if [ \"$cur\" = \"=\" ]; then");
  line (out, "    cur=");
  line (out, "    prev=${COMP_WORDS[COMP_CWORD - 1]}");
  line (out, "  elif [ \"$COMP_CWORD\" -ge 2 ] && [ \"${COMP_WORDS[COMP_CWORD - 1]}\" = \"=\" ]; then");
  line (out, "    prev=${COMP_WORDS[COMP_CWORD - 2]}");
  line (out, "  elif [ \"$COMP_CWORD\" -ge 1 ]; then");
  line (out, "    prev=${COMP_WORDS[COMP_CWORD - 1]}");
  line (out, "  fi");
  g_string_append_c (out, '\n');
  line (out, "  # The command is the first argument; the type, that of --type.");
  line (out, "  if [ \"$COMP_CWORD\" -ge 2 ]; then");
  line (out, "    case \"${COMP_WORDS[1]}\" in");
  line (out, "      %s) command=${COMP_WORDS[1]} ;;", command_pattern);
  line (out, "    esac");
  line (out, "  fi");
  line (out, "  # `set SUBCOMMAND`: the subcommand is the command.");
  line (out, "  if [ \"$command\" = set ] && [ \"$COMP_CWORD\" -ge 3 ]; then");
  line (out, "    command=set-${COMP_WORDS[2]}");
  line (out, "  fi");
  line (out, "  for ((i = 1; i < COMP_CWORD; i++)); do");
  line (out, "    case \"${COMP_WORDS[i]}\" in");
  line (out, "      --type|-t)");
  line (out, "        type=${COMP_WORDS[i + 1]}");
  line (out, "        [ \"$type\" = \"=\" ] && type=${COMP_WORDS[i + 2]}");
  line (out, "        ;;");
  line (out, "    esac");
  line (out, "  done");
  g_string_append_c (out, '\n');
  line (out, "  # The argument of an option.");
  line (out, "  case \"$prev\" in");
  line (out, "    %s)", arg_pattern);
  line (out, "      case \"$command:$prev\" in");
  write_value_cases (out, commands, n_commands, FALSE, "words", "        ", "",
                     "COMPREPLY=($(compgen -d -- \"$cur\")); return",
                     "COMPREPLY=($(compgen -f -- \"$cur\")); return");
  line (out, "      esac");
  line (out, "      case \"$command:$type:$prev\" in");
  write_value_cases (out, commands, 0, TRUE, "words", "        ", "", "", "");
  line (out, "      esac");
  line (out, "      [ -n \"$words\" ] && COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))");
  line (out, "      return");
  line (out, "      ;;");
  line (out, "  esac");
  g_string_append_c (out, '\n');
  line (out, "  if [[ $cur == -* ]]; then");
  line (out, "    case \"$command\" in");
  for (guint c = 0; c < n_commands; c++)
    {
      g_autofree char *options = dup_option_words (commands[c].options);

      line (out, "      %s) words='%s' ;;", commands[c].name != NULL ? commands[c].name : "''", options);
    }
  line (out, "    esac");
  line (out, "    if [ \"$command\" = download ]; then");
  line (out, "      case \"$type\" in");
  write_type_cases (out, "        ", "", "words", TRUE);
  line (out, "      esac");
  line (out, "    elif [ \"$command\" = set-add ]; then");
  line (out, "      case \"$type\" in");
  write_type_cases (out, "        ", "", "words", FALSE);
  line (out, "      esac");
  line (out, "    fi");
  line (out, "  else");
  line (out, "    case \"$command\" in");
  line (out, "      '') words='%s' ;;", command_words);
  line (out, "      set) words='%s' ;;", set_words);
  line (out, "      set-import) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;");
  line (out, "      %s)", set_name_pattern);
  line (out, "        # The names of the sets, from the program itself (one a line).");
  line (out, "        if [ \"$command\" = run ] || [ \"$COMP_CWORD\" -eq 3 ]; then");
  line (out, "          local IFS=$'\\n'");
  line (out, "          COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" set list 2>/dev/null)\" -- \"$cur\"))");
  line (out, "          return");
  line (out, "        fi");
  line (out, "        [ \"$command\" = set-export ] && { COMPREPLY=($(compgen -f -- \"$cur\")); return; }");
  line (out, "        ;;");
  line (out, "      types) words='%s' ;;", types);
  line (out, "      options) words='%s' ;;", menus);
  line (out, "    esac");
  line (out, "  fi");
  line (out, "  [ -n \"$words\" ] && COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))");
  line (out, "  # call-reports FILE…: report files open in the viewer.");
  line (out, "  if [ -z \"$command\" ] && [[ $cur != -* ]]; then");
  line (out, "    COMPREPLY+=($(compgen -f -X '!*.[cC][sS][vV]' -- \"$cur\") $(compgen -d -S / -- \"$cur\"))");
  line (out, "  fi");
  line (out, "  return 0");
  line (out, "}");
  line (out, "complete -F _call_reports call-reports");
}

static void
write_zsh (GString *out,
           Command *commands,
           guint    n_commands)
{
  g_autofree char *arg_pattern = dup_arg_pattern (commands, n_commands);
  g_autofree char *command_words = dup_command_words (commands, n_commands);
  g_autofree char *command_pattern = g_strdelimit (g_strdup (command_words), " ", '|');
  g_autofree char *menus = dup_menu_words ();
  g_autofree char *set_words = dup_set_words (commands, n_commands);
  g_autofree char *set_name_pattern = g_strjoinv ("|", (char **) set_name_commands);
  g_autofree char *types = NULL;
  Option type_option = { (char *) "type", 0, NULL, NULL };

  types = dup_words (&type_option);

  line (out, "#compdef call-reports");
  line (out, "# zsh completion for call-reports(1). %s", header);
  g_string_append_c (out, '\n');
  line (out, "local cur=${words[CURRENT]} prev=${words[CURRENT-1]} command= type= values= i");
  line (out, "local -a candidates");
  g_string_append_c (out, '\n');
  line (out, "# --option=value: complete the value.");
  line (out, "if [[ $cur == --*=* ]]; then");
  line (out, "  prev=${cur%%%%=*}");
  line (out, "  compset -P '*='");
  line (out, "  cur=${cur#*=}");
  line (out, "fi");
  g_string_append_c (out, '\n');
  line (out, "if (( CURRENT > 2 )); then");
  line (out, "  case ${words[2]} in");
  line (out, "    (%s) command=${words[2]} ;;", command_pattern);
  line (out, "  esac");
  line (out, "fi");
  line (out, "# `set SUBCOMMAND`: the subcommand is the command.");
  line (out, "if [[ $command == set ]] && (( CURRENT > 3 )); then");
  line (out, "  command=set-${words[3]}");
  line (out, "fi");
  line (out, "for (( i = 2; i < CURRENT; i++ )); do");
  line (out, "  case ${words[i]} in");
  line (out, "    (--type|-t) type=${words[i+1]} ;;");
  line (out, "    (--type=*) type=${words[i]#--type=} ;;");
  line (out, "  esac");
  line (out, "done");
  g_string_append_c (out, '\n');
  line (out, "case $prev in");
  line (out, "  (%s)", arg_pattern);
  line (out, "    case \"$command:$prev\" in");
  write_value_cases (out, commands, n_commands, FALSE, "values", "      ", "(", "_files -/; return", "_files; return");
  line (out, "    esac");
  line (out, "    case \"$command:$type:$prev\" in");
  write_value_cases (out, commands, 0, TRUE, "values", "      ", "(", "", "");
  line (out, "    esac");
  line (out, "    candidates=(${=values})");
  line (out, "    (( ${#candidates} )) && compadd -a candidates");
  line (out, "    return");
  line (out, "    ;;");
  line (out, "esac");
  g_string_append_c (out, '\n');
  line (out, "if [[ $cur == -* ]]; then");
  line (out, "  case $command in");
  for (guint c = 0; c < n_commands; c++)
    {
      g_autofree char *options = dup_option_words (commands[c].options);

      line (out, "    (%s) values='%s' ;;", commands[c].name != NULL ? commands[c].name : "''", options);
    }
  line (out, "  esac");
  line (out, "  if [[ $command == download ]]; then");
  line (out, "    case $type in");
  write_type_cases (out, "      ", "(", "values", TRUE);
  line (out, "    esac");
  line (out, "  elif [[ $command == set-add ]]; then");
  line (out, "    case $type in");
  write_type_cases (out, "      ", "(", "values", FALSE);
  line (out, "    esac");
  line (out, "  fi");
  line (out, "else");
  line (out, "  case $command in");
  line (out, "    ('') values='%s' ;;", command_words);
  line (out, "    (set) values='%s' ;;", set_words);
  line (out, "    (set-import) _files; return ;;");
  line (out, "    (%s)", set_name_pattern);
  line (out, "      # The names of the sets, from the program itself (one a line).");
  line (out, "      if [[ $command == run ]] || (( CURRENT == 4 )); then");
  line (out, "        candidates=(${(f)\"$(${words[1]} set list 2>/dev/null)\"})");
  line (out, "        (( ${#candidates} )) && compadd -a candidates");
  line (out, "        return");
  line (out, "      fi");
  line (out, "      [[ $command == set-export ]] && { _files; return }");
  line (out, "      ;;");
  line (out, "    (types) values='%s' ;;", types);
  line (out, "    (options) values='%s' ;;", menus);
  line (out, "  esac");
  line (out, "fi");
  line (out, "candidates=(${=values})");
  line (out, "(( ${#candidates} )) && compadd -a candidates");
  line (out, "# call-reports FILE…: report files open in the viewer.");
  line (out, "[[ -z $command && $cur != -* ]] && _files -g '*.(csv|CSV)'");
  line (out, "return 0");
}

static void
write_fish_option (GString      *out,
                   const char   *condition,
                   const Option *option,
                   const char   *words)
{
  g_autoptr(GString) text = g_string_new ("complete -c call-reports");
  g_autofree char *quoted_condition = quote (condition, TRUE);
  g_autofree char *description = quote (option->description, TRUE);

  g_string_append_printf (text, " -n %s -l %s", quoted_condition, option->name);
  if (option->short_name != 0)
    g_string_append_printf (text, " -s %c", option->short_name);

  switch (arg_kind (option->arg))
    {
    case ARG_NONE:
      break;
    case ARG_FOLDER:
      g_string_append (text, " -x -a '(__fish_complete_directories)'");
      break;
    case ARG_FILE:
      g_string_append (text, " -r -F");
      break;
    case ARG_WORDS:
    case ARG_FREE:
    default:
      g_string_append (text, " -x");
      if (words != NULL)
        g_string_append_printf (text, " -a '%s'", words);
      break;
    }
  if (option->description != NULL && option->description[0] != '\0')
    g_string_append_printf (text, " -d %s", description);

  line (out, "%s", text->str);
}

static void
write_fish (GString *out,
            Command *commands,
            guint    n_commands)
{
  g_autofree char *command_words = dup_command_words (commands, n_commands);
  g_autofree char *set_names = g_strjoinv (" ", (char **) set_name_commands + 1);

  line (out, "# fish completion for call-reports(1). %s", header);
  g_string_append_c (out, '\n');
  line (out, "function __call_reports_command");
  line (out, "    set -l tokens (commandline -opc)");
  line (out, "    if test (count $tokens) -ge 2; and contains -- $tokens[2] %s", command_words);
  line (out, "        # `set SUBCOMMAND`: the subcommand is the command.");
  line (out, "        if test $tokens[2] = set; and test (count $tokens) -ge 3");
  line (out, "            echo set-$tokens[3]");
  line (out, "        else");
  line (out, "            echo $tokens[2]");
  line (out, "        end");
  line (out, "    end");
  line (out, "end");
  g_string_append_c (out, '\n');
  line (out, "# The first word after the command: a set's name.");
  line (out, "function __call_reports_set_name_wanted");
  line (out, "    set -l tokens (commandline -opc)");
  line (out, "    switch \"$(__call_reports_command)\"");
  line (out, "        case run");
  line (out, "            return 0");
  line (out, "        case %s", set_names);
  line (out, "            test (count $tokens) -eq 3");
  line (out, "            return");
  line (out, "    end");
  line (out, "    return 1");
  line (out, "end");
  g_string_append_c (out, '\n');
  line (out, "# The names of the sets, from the program itself (one a line).");
  line (out, "function __call_reports_set_names");
  line (out, "    set -l tokens (commandline -opc)");
  line (out, "    command $tokens[1] set list 2>/dev/null");
  line (out, "end");
  g_string_append_c (out, '\n');
  line (out, "function __call_reports_type");
  line (out, "    set -l tokens (commandline -opc)");
  line (out, "    for i in (seq 2 (count $tokens))");
  line (out, "        switch $tokens[$i]");
  line (out, "            case --type -t");
  line (out, "                set -l next (math $i + 1)");
  line (out, "                test $next -le (count $tokens); and echo $tokens[$next]");
  line (out, "            case '--type=*'");
  line (out, "                string replace -- --type= '' $tokens[$i]");
  line (out, "        end");
  line (out, "    end");
  line (out, "end");
  g_string_append_c (out, '\n');
  line (out, "complete -c call-reports -f");
  line (out, "# call-reports FILE…: report files open in the viewer.");
  line (out, "complete -c call-reports -n 'test -z \"$(__call_reports_command)\"' -k -a '(__fish_complete_suffix .csv)'");

  for (guint c = 0; c < n_commands; c++)
    {
      g_autofree char *condition = NULL;

      if (commands[c].sub)
        {
          g_autofree char *summary = quote (commands[c].summary, TRUE);

          line (out, "complete -c call-reports -n 'test \"$(__call_reports_command)\" = set' -a %s -d %s",
                commands[c].name + strlen ("set-"), summary);
          condition = g_strdup_printf ("test \"$(__call_reports_command)\" = %s", commands[c].name);
        }
      else if (commands[c].name != NULL)
        {
          g_autofree char *summary = quote (commands[c].summary, TRUE);

          line (out, "complete -c call-reports -n 'test -z \"$(__call_reports_command)\"' -a %s -d %s",
                commands[c].name, summary);
          condition = g_strdup_printf ("test \"$(__call_reports_command)\" = %s", commands[c].name);
        }
      else
        condition = g_strdup ("test -z \"$(__call_reports_command)\"");

      for (guint i = 0; i < commands[c].options->len; i++)
        {
          const Option *option = g_ptr_array_index (commands[c].options, i);
          g_autofree char *words = dup_words (option);

          write_fish_option (out, condition, option, words);
        }
    }

  for (guint t = 0; t < yeastar_report_type_get_count (); t++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (t);
      const char *api_name = yeastar_report_type_get_api_name (type);
      g_autofree char *title = quote (yeastar_report_type_get_title (type), TRUE);
      g_autofree char *condition = g_strdup_printf ("test \"$(__call_reports_command)\" = download; "
                                                    "and test \"$(__call_reports_type)\" = %s", api_name);
      g_autofree char *set_condition = g_strdup_printf ("test \"$(__call_reports_command)\" = set-add; "
                                                        "and test \"$(__call_reports_type)\" = %s", api_name);

      line (out, "complete -c call-reports -n 'test \"$(__call_reports_command)\" = types' -a %s -d %s",
            api_name, title);

      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        {
          g_autofree char *name = NULL;
          g_autofree char *words = NULL;
          Option option = { NULL, 0, NULL, NULL };

          if (!yeastar_report_type_takes (type, p))
            continue;
          name = reports_cli_dup_param_option (p);
          words = dup_param_words (type, p);
          option.name = name;
          option.arg = yeastar_param_get_value_kind (p) == YEASTAR_VALUE_FLAG ? NULL : (char *) "VALUE";
          option.description = (char *) yeastar_param_get_title (p);
          write_fish_option (out, condition, &option, words);
          if (takes_param (type, p, FALSE))
            write_fish_option (out, set_condition, &option, words);
        }
    }

  line (out, "complete -c call-reports -n '__call_reports_set_name_wanted' -a '(__call_reports_set_names)'");
  line (out, "complete -c call-reports -n 'test \"$(__call_reports_command)\" = set-import' -F");

  for (const char * const *menu = yeastar_menu_get_names (); *menu != NULL; menu++)
    line (out, "complete -c call-reports -n 'test \"$(__call_reports_command)\" = options' -a %s", *menu);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree Command *commands = NULL;
  g_autoptr(GPtrArray) set_names = NULL;
  guint n_set_commands = 0;
  const ReportsCliCommand *cli_commands;
  guint n_cli_commands;
  guint n_commands;
  gboolean ok;

  if (argc != 4)
    {
      g_printerr ("usage: %s BINARY bash|zsh|fish OUTPUT\n", argv[0]);
      return 2;
    }

  /* Index 0 is call-reports without a command; the subcommands of set
   * come last. */
  cli_commands = reports_cli_get_commands (&n_cli_commands);
  while (reports_cli_set_get_subcommand (n_set_commands, NULL) != NULL)
    n_set_commands++;
  n_commands = n_cli_commands + 1 + n_set_commands;
  commands = g_new0 (Command, n_commands);
  set_names = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < n_commands; c++)
    {
      const char *subcommand = NULL;

      if (c > n_cli_commands)
        {
          subcommand = reports_cli_set_get_subcommand (c - n_cli_commands - 1, &commands[c].summary);
          commands[c].name = g_strdup_printf ("set-%s", subcommand);
          g_ptr_array_add (set_names, (gpointer) commands[c].name);
          commands[c].sub = TRUE;
        }
      else
        {
          commands[c].name = c == 0 ? NULL : cli_commands[c - 1].name;
          commands[c].summary = c == 0 ? NULL : cli_commands[c - 1].summary;
        }
      commands[c].options = read_options (argv[1], subcommand != NULL ? "set" : commands[c].name,
                                          subcommand, &error);
      if (commands[c].options == NULL)
        {
          g_printerr ("call-reports-completions: %s\n", error->message);
          return 1;
        }
    }

  if (g_str_equal (argv[2], "bash"))
    write_bash (out, commands, n_commands);
  else if (g_str_equal (argv[2], "zsh"))
    write_zsh (out, commands, n_commands);
  else if (g_str_equal (argv[2], "fish"))
    write_fish (out, commands, n_commands);
  else
    {
      g_printerr ("call-reports-completions: no shell %s\n", argv[2]);
      return 2;
    }

  ok = g_file_set_contents (argv[3], out->str, out->len, &error);

  for (guint c = 0; c < n_commands; c++)
    g_ptr_array_unref (commands[c].options);

  if (!ok)
    {
      g_printerr ("call-reports-completions: %s\n", error->message);
      return 1;
    }

  return 0;
}
