#pragma once
// Quantized weight matrices for the CPU decode kernels, and their memory layout.
//
// Formats (chosen at load time from the bf16 checkpoint):
//   Int8Row    symmetric int8 per output channel: w = scale[row] * q, q in [-127, 127]
//   Int4Group  asymmetric 4-bit per group of `group` (32, 64 or 128) input columns:
//              w = scale[row, g] * u + min[row, g], u in [0, 15]; scale and min in bf16
//
// Layout: rows are cut into tiles of 16, so that one 64-byte vector holds the same few
// columns of 16 rows and a VNNI dot-product instruction (vpdpbusd) produces 16 row sums at
// once from one broadcast group of four activations — no horizontal sums in the inner loop.
//   Int8Row:   tile t, quad q (columns 4q..4q+3): 64 bytes, lane r (bytes 4r..4r+3) holds
//              q + 128 (unsigned) for row 16t + r, columns 4q..4q+3.
//   Int4Group: tile t, octet o (columns 8o..8o+7): 64 bytes, byte 4r + j holds row 16t + r's
//              column 8o + j in its low nibble and column 8o + 4 + j in its high nibble.
//              Parameters: per tile and group, 16 bf16 scales then 16 bf16 mins (64 bytes).
// Rows are padded to a multiple of 16, columns to a multiple of 32 (Int8Row) or of the group
// (Int4Group); padding holds zero weights.
// Thread-safety: plain data; views are read-only and may be shared by any number of threads.

#include <cstdint>

#include "inference/kernels/bf16.h"

namespace inference::kernels {

enum class QuantFormat { Int8Row, Int4Group };

constexpr std::int64_t kTileRows = 16;
constexpr std::int64_t kActivationBlock = 32;  // columns per activation scale

struct QuantShape {
    QuantFormat format = QuantFormat::Int8Row;
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::int64_t group = 0;  // Int4Group: 32, 64 or 128; Int8Row: 0

    std::int64_t paddedRows() const;
    std::int64_t paddedCols() const;
    std::int64_t tiles() const { return paddedRows() / kTileRows; }
    std::int64_t groups() const;           // Int4Group: paddedCols / group
    std::uint64_t dataBytes() const;       // quantized values
    std::uint64_t parameterBytes() const;  // Int8Row: float scales; Int4Group: bf16 pairs
    std::uint64_t tileBytes() const;       // quantized values of one tile
    // Bytes one matrix takes in a QuantizedStore block: values and parameters, each padded to
    // kStoreAlignment.
    std::uint64_t storedBytes() const;
};

constexpr std::uint64_t kStoreAlignment = 4096;

// Elements of the largest block of a quantized matrix dequantized at once for a product (64 MiB
// of bf16), on the CPU (LinearWeight) and on other devices (DeviceQuantMatrix); the memory plan
// counts one such block.
constexpr std::int64_t kDequantBudget = std::int64_t{32} << 20;

// A quantized matrix in memory (owned elsewhere: a Model's buffer or a mapped cache file).
struct QuantMatrix {
    QuantShape shape;
    const std::uint8_t* data = nullptr;
    // Int8Row: float scale per padded row. Int4Group: bf16 [tiles][groups][2][16].
    const void* parameters = nullptr;
};

// Quantizes rows [rowBegin, rowEnd) (whole tiles) of a bf16 row-major matrix with `stride`
// elements per row into `data` / `parameters` laid out for `shape`.
void quantizeRows(const QuantShape& shape, const bf16_t* weights, std::int64_t stride,
                  std::int64_t rowBegin, std::int64_t rowEnd, std::uint8_t* data,
                  void* parameters);

// The dequantized value of one weight (tests and scalar paths).
float dequantizedWeight(const QuantMatrix& matrix, std::int64_t row, std::int64_t col);

// Row `row` dequantized to bf16, `shape.cols` values.
void dequantizeRow(const QuantMatrix& matrix, std::int64_t row, bf16_t* out);

// The transposed dequantized block for a prefill matmul: out[k * ldOut + (r - rowBegin)] for
// k < cols and r in [rowBegin, rowEnd) (whole tiles), in bf16.
void dequantizeTransposed(const QuantMatrix& matrix, std::int64_t rowBegin, std::int64_t rowEnd,
                          bf16_t* out, std::int64_t ldOut);

namespace detail {
void dequantizeTransposedScalar(const QuantMatrix& matrix, std::int64_t rowBegin,
                                std::int64_t rowEnd, bf16_t* out, std::int64_t ldOut);
void dequantizeTransposedAvx512(const QuantMatrix& matrix, std::int64_t rowBegin,
                                std::int64_t rowEnd, bf16_t* out, std::int64_t ldOut);
}  // namespace detail

}  // namespace inference::kernels
