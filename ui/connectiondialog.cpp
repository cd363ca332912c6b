#include "connectiondialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace mvdash {

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , profiles_(new QComboBox(this))
    , host_(new QLineEdit(this))
    , port_(new QLineEdit(this))
    , dbname_(new QLineEdit(this))
    , user_(new QLineEdit(this))
    , password_(new QLineEdit(this))
    , service_(new QLineEdit(this))
    , sslmode_(new QComboBox(this)) {
    setWindowTitle(tr("Connect to a database"));
    //: the first entry of the profile list: a connection not saved as a profile
    profiles_->addItem(tr("(new connection)"));
    for (const ConnectionProfile &p : ConnectionProfiles::load())
        profiles_->addItem(p.name);
    // libpq's sslmode values: identifiers, not translated
    sslmode_->addItems({QString(), QStringLiteral("disable"), QStringLiteral("prefer"),
                        QStringLiteral("require"), QStringLiteral("verify-ca"),
                        QStringLiteral("verify-full")});
    host_->setPlaceholderText(tr("from PGHOST, or the local socket"));
    port_->setPlaceholderText(QStringLiteral("5432"));
    dbname_->setPlaceholderText(tr("from PGDATABASE, or the user name"));
    user_->setPlaceholderText(tr("from PGUSER, or your login"));
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(tr("from ~/.pgpass or PGPASSWORD"));
    service_->setPlaceholderText(tr("a section of ~/.pg_service.conf"));
    auto *form = new QFormLayout;
    //: a saved connection profile
    form->addRow(tr("Profile"), profiles_);
    form->addRow(tr("Host"), host_);
    form->addRow(tr("Port"), port_);
    form->addRow(tr("Database"), dbname_);
    form->addRow(tr("User"), user_);
    form->addRow(tr("Password"), password_);
    form->addRow(tr("SSL mode"), sslmode_);
    //: a libpq service name (pg_service.conf)
    form->addRow(tr("Service"), service_);
    auto *note = new QLabel(
        tr("Passwords are never stored by mvdash: one typed here is kept in memory for this "
           "connection only (not in a profile, the settings or the log); otherwise libpq reads "
           "it from ~/.pgpass, the service file or PGPASSWORD."),
        this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    auto *save = buttons->addButton(tr("Save profile…"), QDialogButtonBox::ActionRole);
    auto *remove = buttons->addButton(tr("Delete profile"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (profiles_->currentIndex() > 0)
            ConnectionProfiles::setLastUsed(profiles_->currentText());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, [this] {
        //: the label of the profile's name, asked for when saving it
        const QString label = tr("Name");
        const QString name = QInputDialog::getText(
            this, tr("Save profile"), label, QLineEdit::Normal,
            profiles_->currentIndex() > 0 ? profiles_->currentText() : QString());
        if (name.trimmed().isEmpty() || name.contains(u'/'))
            return;
        ConnectionProfile p = profile();
        p.name = name.trimmed();
        ConnectionProfiles::save(p);
        if (profiles_->findText(p.name) < 0)
            profiles_->addItem(p.name);
        profiles_->setCurrentText(p.name);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (profiles_->currentIndex() <= 0)
            return;
        ConnectionProfiles::remove(profiles_->currentText());
        profiles_->removeItem(profiles_->currentIndex());
    });
    connect(profiles_, &QComboBox::currentTextChanged, this, &ConnectionDialog::showProfile);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    const QString last = ConnectionProfiles::lastUsed();
    if (profiles_->findText(last) > 0)
        profiles_->setCurrentText(last);
}

void ConnectionDialog::showProfile(const QString &name) {
    password_->clear(); // typed for the profile shown before
    for (const ConnectionProfile &p : ConnectionProfiles::load()) {
        if (p.name != name)
            continue;
        host_->setText(p.host);
        port_->setText(p.port);
        dbname_->setText(p.dbname);
        user_->setText(p.user);
        sslmode_->setCurrentText(p.sslmode);
        service_->setText(p.service);
    }
}

ConnectionSettings ConnectionDialog::settings() const {
    ConnectionSettings chosen = profile().settings();
    chosen.setPassword(password_->text());
    return chosen;
}

ConnectionProfile ConnectionDialog::profile() const {
    ConnectionProfile p;
    p.name = profiles_->currentIndex() > 0 ? profiles_->currentText() : QString();
    p.host = host_->text();
    p.port = port_->text();
    p.dbname = dbname_->text();
    p.user = user_->text();
    p.sslmode = sslmode_->currentText();
    p.service = service_->text();
    return p;
}

} // namespace mvdash
