/* reports-connect-page.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-certificate.h"
#include "reports-compat.h"
#include "reports-connect-page.h"
#include "reports-row-layout.h"
#include "reports-row-wrap.h"
#include "reports-secrets.h"
#include "reports-selection-store.h"
#include "reports-server.h"
#include "yeastar-error.h"

struct _ReportsConnectPage
{
  AdwBin                parent_instance;

  /* Owned references */
  GSettings            *settings;
  GListStore           *servers;
  GCancellable         *cancellable;
  YeastarClient        *client;       /* while connecting */
  YeastarSimulator     *simulator;    /* while connecting to the demo */
  char                 *secret;       /* while connecting; wiped after */
  ReportsServer        *saved_server; /* while connecting to a saved PBX */
  guint                 remember : 1;
  guint                 trusted_once : 1;

  /* Built when needed */
  AdwPreferencesGroup  *saved_group;
  GtkListBox           *saved_list;
  GtkSpinner           *spinner;

  /* Template widgets */
  AdwPreferencesGroup  *form_group;
  AdwEntryRow          *server_row;
  AdwEntryRow          *client_id_row;
  AdwPasswordEntryRow  *secret_row;
  AdwActionRow         *remember_row;
  GtkSwitch            *remember_switch;
  GtkLabel             *error_label;
  GtkButton            *cancel_button;
  GtkButton            *connect_button;
  GtkBox               *connect_box;
  AdwActionRow         *demo_row;
};

G_DEFINE_FINAL_TYPE (ReportsConnectPage, reports_connect_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  CONNECTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void     start_connect         (ReportsConnectPage *self);
static gboolean list_keynav_failed_cb (ReportsConnectPage *self,
                                       GtkDirectionType    direction);

gboolean
reports_connect_page_get_busy (ReportsConnectPage *self)
{
  g_return_val_if_fail (REPORTS_IS_CONNECT_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

static void
clear_secret (ReportsConnectPage *self)
{
  if (self->secret != NULL)
    {
      explicit_bzero (self->secret, strlen (self->secret));
      g_clear_pointer (&self->secret, g_free);
    }
}

static void
clear_errors (ReportsConnectPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->client_id_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->secret_row), "error");
}

static void
show_error (ReportsConnectPage *self,
            GtkWidget          *row,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
update_actions (ReportsConnectPage *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean complete;

  complete = gtk_editable_get_text (GTK_EDITABLE (self->server_row))[0] != '\0' &&
             gtk_editable_get_text (GTK_EDITABLE (self->client_id_row))[0] != '\0' &&
             gtk_editable_get_text (GTK_EDITABLE (self->secret_row))[0] != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect", !busy && complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.demo", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.saved", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.forget", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.cancel", busy);
}

static void
set_busy (ReportsConnectPage *self,
          gboolean            busy)
{
  if (busy)
    {
      g_assert (self->cancellable == NULL);
      self->cancellable = g_cancellable_new ();
    }
  else
    {
      g_clear_object (&self->cancellable);
      g_clear_object (&self->client);
      g_clear_object (&self->saved_server);
      g_clear_object (&self->simulator);
      clear_secret (self);
    }

  /* Start-up builds no spinner: it is made when first needed. */
  if (busy && self->spinner == NULL)
    {
      self->spinner = GTK_SPINNER (gtk_spinner_new ());
      gtk_box_prepend (self->connect_box, GTK_WIDGET (self->spinner));
    }
  if (self->spinner != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
      gtk_spinner_set_spinning (self->spinner, busy);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  update_actions (self);

  /* The form is insensitive while connecting: the focus leaves it first,
   * for Cancel (GtkText warns when it loses the focus to insensitivity). */
  if (busy)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL &&
          (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->server_row)) ||
           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->client_id_row)) ||
           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->secret_row))))
        gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->client_id_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->secret_row), !busy);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
form_changed_cb (ReportsConnectPage *self)
{
  update_actions (self);
}

static void
entry_activated_cb (ReportsConnectPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

static ReportsServer *
remember_server (ReportsConnectPage *self,
                 const char         *uri,
                 const char         *client_id,
                 const char         *pin)
{
  ReportsServer *server;

  server = reports_server_list_find (self->servers, uri, client_id, NULL);
  if (server == NULL)
    {
      g_autoptr(ReportsServer) created = reports_server_new (uri, client_id);

      g_list_store_append (self->servers, created);
      server = created;
    }

  reports_server_set_pinned_certificate (server, pin);
  reports_server_list_save (self->servers, self->settings);

  return server;
}

static void
store_secret_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ReportsConnectPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!reports_secrets_store_finish (result, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      g_warning ("Could not store the Client Secret in the keyring: %s", error->message);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                     adw_toast_new (_("The Client Secret could not be saved in the keyring")));
    }
}

static void
trust_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ReportsConnectPage) self = user_data;
  char *fingerprint = g_object_get_data (G_OBJECT (self), "pending-fingerprint");

  if (reports_compat_confirm_finish (result, NULL) && self->client != NULL && fingerprint != NULL)
    {
      yeastar_client_set_pinned_certificate (self->client, fingerprint);
      self->trusted_once = TRUE;
      start_connect (self);
    }
  else
    {
      show_error (self, GTK_WIDGET (self->server_row),
                  _("The server’s certificate was not trusted, so Call Reports did not connect."));
      set_busy (self, FALSE);
    }

  g_object_set_data (G_OBJECT (self), "pending-fingerprint", NULL);
}

static void
ask_trust (ReportsConnectPage *self,
           const char         *fingerprint,
           GTlsCertificate    *certificate)
{
  g_autoptr(GUri) uri = g_uri_parse (yeastar_client_get_base_uri (self->client), G_URI_FLAGS_NONE, NULL);
  g_autofree char *details = reports_certificate_describe (certificate);
  g_autofree char *body = NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : yeastar_client_get_base_uri (self->client);
  const char *keep;

  /* Only a PBX the user chose to remember keeps its certificate. */
  if (self->remember || self->saved_server != NULL)
    keep = _("Call Reports will remember it and refuse any other certificate for this server.");
  else
    keep = _("Call Reports will trust it for this connection only.");

  /* Translators: the first %s is a server name, the second the details of its certificate
   * (subject, issuer, validity), the third its SHA-256 fingerprint, the fourth what
   * Call Reports does with a trusted certificate. */
  body = g_strdup_printf (_("The certificate of %s is not signed by an authority this computer trusts. "
                            "PBXs often use a self-signed certificate; trust it only if this SHA-256 "
                            "fingerprint matches the one of the certificate installed on the PBX.\n\n"
                            "%s\n\nSHA-256: %s\n\n%s"),
                          host,
                          details != NULL ? details : "",
                          fingerprint,
                          keep);

  g_object_set_data_full (G_OBJECT (self), "pending-fingerprint", g_strdup (fingerprint), g_free);
  /* Trusting is the risky choice: it is drawn as such, and Escape or
   * Return cancel. */
  reports_compat_confirm_async (GTK_WIDGET (self),
                                _("Trust This Certificate?"),
                                body,
                                _("_Trust"),
                                TRUE,
                                self->cancellable,
                                trust_cb,
                                g_object_ref (self));
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ReportsConnectPage) self = user_data;
  YeastarClient *client = YEASTAR_CLIENT (object);
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(ReportsSession) session = NULL;
  g_autoptr(GError) error = NULL;
  ReportsServer *server = NULL;

  info = yeastar_client_connect_finish (client, result, &error);

  if (self->client != client)
    return; /* cancelled and replaced */

  if (info == NULL)
    {
      const char *fingerprint = yeastar_error_get_certificate_fingerprint (error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          return;
        }

      if (g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_TLS_UNTRUSTED) &&
          !self->trusted_once &&
          fingerprint != NULL)
        {
          ask_trust (self, fingerprint, yeastar_error_get_certificate (error));
          return;
        }

      if (error->domain == YEASTAR_ERROR &&
          (error->code == YEASTAR_ERROR_NETWORK ||
           error->code == YEASTAR_ERROR_NOT_YEASTAR ||
           error->code == YEASTAR_ERROR_TLS_UNTRUSTED ||
           error->code == YEASTAR_ERROR_TLS_CHANGED))
        show_error (self, GTK_WIDGET (self->server_row), error->message);
      else if (g_error_matches (error, YEASTAR_ERROR, YEASTAR_ERROR_AUTHENTICATION_FAILED))
        {
          show_error (self, GTK_WIDGET (self->secret_row), error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->client_id_row), "error");
        }
      else
        show_error (self, NULL, error->message);

      set_busy (self, FALSE);
      return;
    }

  if (self->simulator == NULL)
    {
      const char *uri = yeastar_client_get_base_uri (client);
      const char *client_id = yeastar_client_get_client_id (client);

      if (self->remember || self->saved_server != NULL)
        {
          server = remember_server (self, uri, client_id, yeastar_client_get_pinned_certificate (client));
          g_settings_set (self->settings, "last-server", "(ss)", uri, client_id);
        }

      if (self->remember && self->secret != NULL)
        reports_secrets_store_async (uri, client_id, self->secret, NULL,
                                     store_secret_cb, g_object_ref (self));
    }

  session = reports_session_new (client, info, server, self->simulator);
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  set_busy (self, FALSE);

  g_signal_emit (self, signals [CONNECTED], 0, session);
}

static void
start_connect (ReportsConnectPage *self)
{
  g_assert (self->client != NULL);
  g_assert (self->cancellable != NULL);

  yeastar_client_connect_async (self->client, self->cancellable, connect_cb, g_object_ref (self));
}

static gboolean
begin (ReportsConnectPage *self,
       const char         *server_text,
       const char         *client_id,
       const char         *secret,
       GtkWidget         **error_row,
       GError            **error)
{
  g_autofree char *uri = NULL;
  ReportsServer *saved;

  uri = yeastar_client_normalize_base_uri (server_text, error);
  if (uri == NULL)
    {
      *error_row = GTK_WIDGET (self->server_row);
      return FALSE;
    }

  self->client = yeastar_client_new (uri, client_id, secret, error);
  if (self->client == NULL)
    {
      *error_row = GTK_WIDGET (self->client_id_row);
      return FALSE;
    }

  saved = reports_server_list_find (self->servers, uri, client_id, NULL);
  if (saved != NULL)
    {
      if (reports_server_get_pinned_certificate (saved) != NULL)
        yeastar_client_set_pinned_certificate (self->client, reports_server_get_pinned_certificate (saved));
      yeastar_client_set_api_version (self->client, reports_server_get_api_version (saved));
      g_set_object (&self->saved_server, saved);
    }

  self->secret = g_strdup (secret);
  self->trusted_once = FALSE;

  return TRUE;
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReportsConnectPage *self = REPORTS_CONNECT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *error_row = NULL;

  if (self->cancellable != NULL)
    return;

  clear_errors (self);
  set_busy (self, TRUE);
  self->remember = gtk_switch_get_active (self->remember_switch);

  if (!begin (self,
              gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
              gtk_editable_get_text (GTK_EDITABLE (self->client_id_row)),
              gtk_editable_get_text (GTK_EDITABLE (self->secret_row)),
              &error_row, &error))
    {
      set_busy (self, FALSE);
      show_error (self, error_row, error->message);
      return;
    }

  start_connect (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReportsConnectPage *self = REPORTS_CONNECT_PAGE (widget);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      set_busy (self, FALSE);
    }
}

void
reports_connect_page_connect_demo (ReportsConnectPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *secret = NULL;
  GtkWidget *error_row = NULL;

  g_return_if_fail (REPORTS_IS_CONNECT_PAGE (self));

  if (self->cancellable != NULL)
    return;

  clear_errors (self);
  set_busy (self, TRUE);
  self->remember = FALSE;

  self->simulator = yeastar_simulator_new ();
  if (!yeastar_simulator_start (self->simulator, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The demo PBX could not start: %s"), error->message);

      set_busy (self, FALSE);
      show_error (self, NULL, message);
      return;
    }

  uri = yeastar_simulator_dup_base_uri (self->simulator);
  g_object_get (self->simulator, "client-id", &client_id, "client-secret", &secret, NULL);

  if (!begin (self, uri, client_id, secret, &error_row, &error))
    {
      set_busy (self, FALSE);
      show_error (self, NULL, error->message);
      return;
    }

  start_connect (self);
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  reports_connect_page_connect_demo (REPORTS_CONNECT_PAGE (widget));
}

static void
lookup_secret_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReportsConnectPage *self = g_task_get_source_object (task);
  ReportsServer *server = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  GtkWidget *error_row = NULL;

  secret = reports_secrets_lookup_finish (result, &error);

  if (g_task_return_error_if_cancelled (task))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), reports_server_get_uri (server));
  gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), reports_server_get_client_id (server));

  if (secret == NULL)
    {
      set_busy (self, FALSE);
      if (error != NULL)
        show_error (self, GTK_WIDGET (self->secret_row), error->message);
      else
        show_error (self, GTK_WIDGET (self->secret_row),
                    _("The keyring has no Client Secret for this PBX. Enter it to connect."));
      g_task_return_boolean (task, FALSE);
      return;
    }

  self->remember = TRUE;
  if (!begin (self, reports_server_get_uri (server), reports_server_get_client_id (server), secret,
              &error_row, &error))
    {
      set_busy (self, FALSE);
      show_error (self, error_row, error->message);
      g_task_return_boolean (task, FALSE);
      return;
    }

  /* The secret came from the keyring: no need to store it again. */
  clear_secret (self);
  start_connect (self);
  g_task_return_boolean (task, TRUE);
}

static void
connect_saved (ReportsConnectPage *self,
               ReportsServer      *server)
{
  GTask *task;

  if (self->cancellable != NULL)
    return;

  clear_errors (self);
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, connect_saved);
  g_task_set_task_data (task, g_object_ref (server), g_object_unref);
  reports_secrets_lookup_async (reports_server_get_uri (server),
                                reports_server_get_client_id (server),
                                self->cancellable,
                                lookup_secret_cb,
                                task);
}

static void
saved_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ReportsConnectPage *self = REPORTS_CONNECT_PAGE (widget);
  g_autoptr(ReportsServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers),
                                                           g_variant_get_uint32 (parameter));

  if (server != NULL)
    connect_saved (self, server);
}

void
reports_connect_page_reconnect_last (ReportsConnectPage *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *client_id = NULL;
  ReportsServer *server;

  g_return_if_fail (REPORTS_IS_CONNECT_PAGE (self));

  g_settings_get (self->settings, "last-server", "(ss)", &uri, &client_id);
  server = reports_server_list_find (self->servers, uri, client_id, NULL);
  if (server != NULL)
    connect_saved (self, server);
}

static void
clear_secret_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!reports_secrets_clear_finish (result, &error))
    g_warning ("Could not remove the Client Secret from the keyring: %s", error->message);
}

static void
forget_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReportsConnectPage *self = REPORTS_CONNECT_PAGE (widget);
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(ReportsServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers), position);
  g_autofree char *last_uri = NULL;
  g_autofree char *last_client_id = NULL;

  if (server == NULL)
    return;

  reports_secrets_clear_async (reports_server_get_uri (server),
                               reports_server_get_client_id (server),
                               NULL, clear_secret_cb, NULL);

  reports_selection_store_forget (self->settings,
                                  reports_server_get_uri (server),
                                  reports_server_get_client_id (server));

  g_settings_get (self->settings, "last-server", "(ss)", &last_uri, &last_client_id);
  if (reports_server_equal (server, last_uri, last_client_id))
    g_settings_reset (self->settings, "last-server");

  g_list_store_remove (self->servers, position);
  reports_server_list_save (self->servers, self->settings);
}

static GtkWidget *
create_saved_row (gpointer item,
                  gpointer user_data)
{
  ReportsConnectPage *self = user_data;
  ReportsServer *server = item;
  GtkWidget *row;
  GtkWidget *forget;
  guint position = 0;
  g_autofree char *forget_label = NULL;

  reports_server_list_find (self->servers,
                            reports_server_get_uri (server),
                            reports_server_get_client_id (server),
                            &position);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reports_server_get_uri (server));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reports_server_get_client_id (server));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "connect.saved");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", position);

  forget = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: %s is a PBX address. */
  forget_label = g_strdup_printf (_("Forget %s"), reports_server_get_uri (server));
  gtk_widget_set_tooltip_text (forget, forget_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (forget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, forget_label,
                                  -1);
  gtk_widget_set_valign (forget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (forget, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (forget), "connect.forget");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (forget), "u", position);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);

  return row;
}

/* The saved PBXs' group, first on the page, built when there is a saved
 * PBX to show, not at start-up. */
static void
ensure_saved_group (ReportsConnectPage *self)
{
  GtkWidget *page_box;

  if (self->saved_group != NULL)
    return;

  self->saved_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->saved_group, _("Saved PBXs"));
  adw_preferences_group_set_description (self->saved_group, _("Their Client Secrets are kept in your keyring."));

  self->saved_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->saved_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->saved_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->saved_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Saved PBXs"),
                                  -1);
  g_signal_connect_object (self->saved_list, "keynav-failed",
                           G_CALLBACK (list_keynav_failed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->saved_group, GTK_WIDGET (self->saved_list));

  /* AdwPreferencesPage 1.2 only appends a group: this one goes into the
   * page's box of groups, before the form. */
  page_box = gtk_widget_get_parent (GTK_WIDGET (self->form_group));
  gtk_box_prepend (GTK_BOX (page_box), GTK_WIDGET (self->saved_group));
}

static void
servers_changed_cb (ReportsConnectPage *self)
{
  guint n_servers = g_list_model_get_n_items (G_LIST_MODEL (self->servers));

  if (n_servers == 0 && self->saved_group == NULL)
    return;

  ensure_saved_group (self);

  /* Rows carry their position as the action target: rebuild them all. */
  gtk_list_box_bind_model (self->saved_list, G_LIST_MODEL (self->servers),
                           create_saved_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_group), n_servers > 0);
}

void
reports_connect_page_set_settings (ReportsConnectPage *self,
                                   GSettings          *settings)
{
  g_return_if_fail (REPORTS_IS_CONNECT_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  self->servers = reports_server_list_load (settings);
  g_signal_connect_object (self->servers, "items-changed",
                           G_CALLBACK (servers_changed_cb), self, G_CONNECT_SWAPPED);
  servers_changed_cb (self);
}

/* Up on a list's first row and Down on its last go on to the widget
 * before or after the list, as in the rows of an AdwPreferencesGroup. */
static gboolean
list_keynav_failed_cb (ReportsConnectPage *self,
                       GtkDirectionType    direction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN))
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (root),
                                 direction == GTK_DIR_UP ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

/* The page opens on the first thing to fill in: the server address, not
 * the header bar's first button. */
void
reports_connect_page_focus_form (ReportsConnectPage *self)
{
  g_return_if_fail (REPORTS_IS_CONNECT_PAGE (self));

  if (self->cancellable == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
}

static void
reports_connect_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (reports_connect_page_parent_class)->map (widget);

  reports_connect_page_focus_form (REPORTS_CONNECT_PAGE (widget));
}

/* AdwPasswordEntryRow's reveal button has only an icon, and AT-SPI
 * reads it as "GtkImage": it gets a name that says what it does now,
 * after whether the secret is shown (its GtkText's visibility). */
static void
update_reveal_button (GtkText    *text,
                      GParamSpec *pspec,
                      GtkWidget  *button)
{
  const char *label = gtk_text_get_visibility (text) ? _("Hide Secret") : _("Show Secret");

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The last descendant of @widget of @type (the row's suffixes come last). */
static GtkWidget *
find_last_of_type (GtkWidget *widget,
                   GType      type)
{
  GtkWidget *found = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        found = child;
      inner = find_last_of_type (child, type);
      if (inner != NULL)
        found = inner;
    }

  return found;
}

/* Start-up: AdwActionRow's header box asks its title box, whose labels
 * wrap, for its width at its least height, and GTK 4.8's GtkLabel finds
 * the natural width for a height by a binary search of layouts at many
 * widths (about 56 layouts a subtitle to the first frame). A subtitle
 * that ends in an ellipsis after some lines (subtitle-lines) has its
 * minimum width without a search; with natural-wrap-mode "none" its
 * natural width for a height is its width on one line, which is what the
 * search finds at the title box's least height. The row is sized and
 * drawn the same, the search is gone. */
static void
spare_subtitle_width_search (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          GtkLabel *label = GTK_LABEL (child);

          if (gtk_label_get_wrap (label) &&
              gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE &&
              gtk_widget_has_css_class (child, "subtitle"))
            gtk_label_set_natural_wrap_mode (label, GTK_NATURAL_WRAP_NONE);
        }
      else
        spare_subtitle_width_search (child);
    }
}

static void
reports_connect_page_dispose (GObject *object)
{
  ReportsConnectPage *self = REPORTS_CONNECT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_CONNECT_PAGE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->simulator);
  g_clear_object (&self->saved_server);
  g_clear_object (&self->servers);
  g_clear_object (&self->settings);
  clear_secret (self);

  G_OBJECT_CLASS (reports_connect_page_parent_class)->dispose (object);
}

static void
reports_connect_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ReportsConnectPage *self = REPORTS_CONNECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, reports_connect_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_connect_page_class_init (ReportsConnectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_connect_page_dispose;
  object_class->get_property = reports_connect_page_get_property;

  widget_class->map = reports_connect_page_map;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CONNECTED] =
    g_signal_new ("connected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, REPORTS_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-connect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, remember_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, connect_box);
  gtk_widget_class_bind_template_child (widget_class, ReportsConnectPage, demo_row);
  gtk_widget_class_bind_template_callback (widget_class, list_keynav_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "connect.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "connect.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "connect.saved", "u", saved_action);
  gtk_widget_class_install_action (widget_class, "connect.forget", "u", forget_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "connect.cancel", NULL);
}

static void
reports_connect_page_init (ReportsConnectPage *self)
{
  GtkEventController *controller;
  GtkWidget *reveal;
  GtkWidget *text;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);

  /* Ctrl+Return connects wherever the focus is in the window, while the
   * page is shown (a global controller of an unmapped widget does not
   * run). */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_named_action_new ("connect.connect")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  spare_subtitle_width_search (GTK_WIDGET (self->remember_row));
  spare_subtitle_width_search (GTK_WIDGET (self->demo_row));
  /* The rows' title boxes sized for their width only, not also searched
   * for their width at a height (reports-row-layout.c). */
  reports_row_layout_install (ADW_ACTION_ROW (self->remember_row));
  reports_row_layout_install (ADW_ACTION_ROW (self->demo_row));
  reports_row_wrap_titles_by_word (GTK_WIDGET (self->remember_row));
  reports_row_wrap_titles_by_word (GTK_WIDGET (self->demo_row));

  reveal = find_last_of_type (GTK_WIDGET (self->secret_row), GTK_TYPE_BUTTON);
  text = find_last_of_type (GTK_WIDGET (self->secret_row), GTK_TYPE_TEXT);
  if (reveal != NULL && text != NULL)
    {
      update_reveal_button (GTK_TEXT (text), NULL, reveal);
      g_signal_connect_object (text, "notify::visibility", G_CALLBACK (update_reveal_button), reveal, 0);
    }
}
