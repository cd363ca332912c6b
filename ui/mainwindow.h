#pragma once

#include <functional>
#include <QHash>
#include <QKeySequence>
#include <QMainWindow>
#include <QSet>

class QComboBox;
class QLabel;
class QDialog;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QPlainTextEdit;
class QTimer;
class QToolButton;

namespace mvdash {

class DashboardModels;
class DiagnosticsPanel;
class ConnectionSettings;
class MainMenu;
class SummaryPanel;
class PaymentsPanel;
class PlayersPanel;
class UserPanel;
class RefreshPanel;
struct SessionInfo;

// The panels, by what they show (navigation order: the tenant's four, then ops' four).
enum class Panel { Summary, Players, Payments, User, Tenants, Refresh, Sizes, Diagnostics };

// The dashboard: tenant picker and freshness on top, panels chosen on the left, errors in a
// banner and a message log, connection state in the status bar. All database work happens
// on the models' workers; this class only lays out, navigates, asks for reloads and shows
// answers.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(DashboardModels *models, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The panels offered (a tenant administrator gets no ops panels), in navigation order.
    QList<Panel> panels() const;
    QString panelName(Panel panel) const;
    void showPanel(Panel panel);
    QWidget *currentPanel() const;
    bool isLoading() const;
    // Whether the reading connection is up (the status bar's "connected").
    bool isConnected() const { return connected_; }
    // Whether the database has mvdash at all (false: the wrong one, or not migrated yet).
    bool hasSchema() const { return !schemaMissing_; }
    RefreshPanel *refreshPanel() const { return refreshPanel_; }
    PaymentsPanel *paymentsPanel() const { return paymentsPanel_; }
    UserPanel *userPanel() const { return userPanel_; }
    // The first of the top players list (empty before it loaded): a user worth showing.
    QString topPlayer() const;
    QString bannerText() const;
    qint64 currentTenant() const { return currentTenant_; }
    // A message from outside the window (e.g. the settings file was set aside): banner + log.
    void showNotice(const QString &message) { report(message, true); }

signals:
    // File > Connect… chose another database: the application starts a dashboard on it.
    void connectionChosen(const ConnectionSettings &settings);

public slots:
    void reloadAll();
    void selectTenant(qint64 tenantId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenu(QDialog *messages);
    // What each key does: the menus' actions, the panels' buttons, the tables' copy.
    QList<QPair<QString, QKeySequence>> keyboardShortcuts() const;
    void addPanel(Panel id, const QString &name, QWidget *panel);
    // Tells of `source`'s loads in the status bar and its failures in the banner.
    // `what` names the source in messages; one not reloaded by the timer (a lookup, the
    // diagnostics) shows its own failure in its panel and does not hold the banner up
    template <class Source>
    void watch(Source *source, const QString &what, bool reloadedByTimer = true);
    void report(const QString &message, bool isError);
    void noteReconnected();
    // The banner's words for a connection that failed (JobRunner::connectionChanged's).
    QString offlineMessage(const QString &detail, int loginRetrySeconds) const;
    void showConnectionState();
    void reportOnTurningOn(bool now, bool &before, const QString &message);
    void updateFreshness();
    // The settings' reload interval, by default 30 s (5 s when the read models are live).
    int reloadIntervalMs() const;
    void showTenantName(int row);
    void showSessionInfo(const SessionInfo &info);
    // A tenant administrator's session: no ops panels, no ops queries (they would be refused).
    void setTenantScoped(bool scoped);
    void reloadTenantFreshness();
    void reloadOps();

    DashboardModels *models_;
    MainMenu *menu_ = nullptr;

    QComboBox *tenantPicker_;
    QLabel *freshness_;
    QLabel *banner_;
    QListWidget *navigation_;
    QStackedWidget *stack_;
    SummaryPanel *summaryPanel_;
    RefreshPanel *refreshPanel_;
    PaymentsPanel *paymentsPanel_;
    PlayersPanel *playersPanel_;
    UserPanel *userPanel_;
    DiagnosticsPanel *diagnosticsPanel_;
    QLabel *connectionLabel_;
    QLabel *serverLabel_;
    QLabel *reloadLabel_;
    QToolButton *messagesButton_;
    QPlainTextEdit *messageLog_;
    QTimer *autoReload_;
    QHash<Panel, QWidget *> panelWidgets_;
    QList<std::function<bool()>> watched_; // is each watched model loading: busy while any is
    int messageCount_ = 0;
    bool tenantChosen_ = false;
    bool reconnectNoteShown_ = false;
    qint64 currentTenant_ = -1;
    bool connected_ = false;
    bool everConnected_ = false; // "lost" only what was there
    QSet<QString> failing_;      // the sources whose last load failed (by their names)
    QString lastOfflineReason_;  // the last "Connection lost" said, so that retries repeat nothing
    // Ops panels and their models wait for the session info: a tenant role may not read them.
    QList<QListWidgetItem *> opsItems_;
    bool roleKnown_ = false;
    bool tenantScoped_ = false;
    bool readsNothing_ = false;  // the role may read no view: one message, not one per model
    bool schemaMissing_ = false; // no mvdash here: one message, not "function ... does not exist"
    QString connectedTo_;        // where the reading session is, as the status bar says it
};

} // namespace mvdash
