#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTabWidget;

namespace mvdash {

class UserIdCompleter;
class UserLookup;

// Support: one user's balance, activity, bets and payments, and how fresh that answer is.
class UserPanel : public QWidget {
    Q_OBJECT
public:
    UserPanel(UserLookup *lookup, QWidget *parent = nullptr);
    void setTenant(qint64 tenantId);
    QLineEdit *search() const { return search_; }
    QString headerText() const;
    // Live read models: a user not found has no committed event at all (the lookup folds in
    // what the steps have not applied); otherwise their events may be waiting for a refresh.
    void setLiveMode(bool live) { live_ = live; }

public slots:
    void lookUp(const QString &userId);

private:
    void show();
    void showFailure(const QString &message);
    UserLookup *lookup_;
    qint64 tenantId_ = -1;
    bool live_ = false;
    QLineEdit *search_;
    UserIdCompleter *completer_;
    QLabel *title_, *freshness_;
    QList<QLabel *> figures_;
    QTabWidget *tabs_;
};

} // namespace mvdash
