#pragma once

#include "doctor.h"
#include "reloadablemodel.h"

namespace mvdash {

// The doctor's checks for the Diagnostics panel: run on the worker like any other reload,
// one row per check, coloured by state (StateRole), the advice as the tool tip. It also runs
// the fixes that are safe to run with one click (a missing unique index, a per-tenant copy
// of a tenant that is gone, a session that holds the steps or a refresh back, which the panel
// asks about first); a refresh is asked for (refreshRequested), the refresh controller runs it.
class DoctorModel : public ReloadableModel {
    Q_OBJECT
public:
    enum Column { State, Check, Subject, Found, Advice, ColumnCount };

    explicit DoctorModel(JobRunner *runner, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(checks_.size());
    }
    QVariant data(const QModelIndex &index, int role) const override;
    const DoctorCheck *check(int row) const {
        return row >= 0 && row < checks_.size() ? &checks_[row] : nullptr;
    }
    CheckState worst() const { return Doctor::worst(checks_); }
    void setSettings(const DoctorSettings &settings) { settings_ = settings; }

    void reload() override;
    // Runs the check's safe fix (SafeFix), then checks again; false when it has none. A copy
    // of the check, for a caller that asked first: the checks may have been run again meanwhile.
    bool applyFix(const DoctorCheck &c);
    bool applyFix(int row) { return check(row) && applyFix(*check(row)); }

signals:
    void refreshRequested(const QStringList &views);

private:
    void apply(const QVariant &result) override;

    QList<DoctorCheck> checks_;
    DoctorSettings settings_;
};

} // namespace mvdash

Q_DECLARE_METATYPE(mvdash::DoctorCheck)
