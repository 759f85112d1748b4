#include "dicom/detail/codec_registry.h"

#include <mutex>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>

#include "dicom/detail/dicom_file.h"

namespace dicom::detail {

void registerToolkitDecoders() {
    static std::once_flag once;
    std::call_once(once, [] {
        silenceToolkitLogging();
        DJDecoderRegistration::registerCodecs(EDC_never, EUC_never, EPC_default);
        // Planar configuration restored from the dataset: the decoder's output then has the
        // layout the header describes.
        DJLSDecoderRegistration::registerCodecs(EJLSUC_never, EJLSPC_restore);
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

}  // namespace dicom::detail
