#include "dicom/detail/uid_mapper.h"

#include <algorithm>
#include <random>

#include "dicom/detail/sha256.h"

namespace dicom::detail {
namespace {

std::string randomSecret() {
    std::random_device device;
    std::string secret;
    for (int i = 0; i < 8; ++i) secret += std::to_string(device()) + ".";
    return secret;
}

// A big-endian number of `bytes` in decimal, by repeated division by ten.
std::string decimal(std::array<std::uint8_t, 16> bytes) {
    std::string digits;
    const auto nonZero = [&] { return std::any_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b; }); };
    while (nonZero()) {
        unsigned remainder = 0;
        for (auto& b : bytes) {
            const unsigned value = remainder * 256 + b;
            b = std::uint8_t(value / 10);
            remainder = value % 10;
        }
        digits += char('0' + remainder);
    }
    std::reverse(digits.begin(), digits.end());
    return digits.empty() ? "0" : digits;
}

}  // namespace

UidMapper::UidMapper(std::string secret) : m_secret(secret.empty() ? randomSecret() : std::move(secret)) {}

std::string UidMapper::map(const std::string& uid) const {
    if (uid.empty()) return uid;
    // The secret's length leads the message, so (secret, uid) pairs cannot collide by shifting.
    const auto digest = sha256(std::to_string(m_secret.size()) + ":" + m_secret + uid);
    std::array<std::uint8_t, 16> bits{};
    std::copy_n(digest.begin(), 16, bits.begin());
    return "2.25." + decimal(bits);
}

}  // namespace dicom::detail
