#pragma once

// Lets spdlog (fmt 9) format Qt strings: logger->info("view {}", name).
#include <QString>
#include <spdlog/fmt/fmt.h>

template <> struct fmt::formatter<QString> : fmt::formatter<std::string_view> {
    template <typename Context> auto format(const QString &value, Context &ctx) const {
        const QByteArray utf8 = value.toUtf8();
        return fmt::formatter<std::string_view>::format(
            std::string_view(utf8.constData(), size_t(utf8.size())), ctx);
    }
};
