#include "ui/report/report_links.h"

#include <algorithm>

#include "ui/report/report_json.h"

namespace ui {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

bool sameImage(const ImageLink& a, const ImageLink& b) {
    return a.sopInstanceUid == b.sopInstanceUid && a.frame == b.frame;
}

int keptPictures(const ReportDocument& doc) {
    int kept = 0;
    for (const ImageLink& image : doc.images) {
        kept += image.picture.isNull() ? 0 : 1;
    }
    return kept;
}

}  // namespace

InstanceRef findInstance(const dicom::Collection& collection, const QString& sopInstanceUid) {
    const std::string uid = sopInstanceUid.toStdString();
    for (const auto& patient : collection.patients) {
        for (const auto& study : patient.studies) {
            for (const auto& series : study.series) {
                for (const auto& instance : series.instances) {
                    if (instance.sopInstanceUid == uid) {
                        return {&patient, &study, &series, &instance};
                    }
                }
            }
        }
    }
    return {};
}

PatientStudyLink linkStudy(const dicom::PatientInfo& patient, const dicom::StudyInfo& study) {
    PatientStudyLink link;
    link.patientName = q(patient.name);
    link.patientId = q(patient.patientId);
    link.birthDate = q(patient.birthDate);
    link.sex = q(patient.sex);
    link.studyInstanceUid = q(study.studyInstanceUid);
    link.studyId = q(study.studyId);
    link.accessionNumber = q(study.accessionNumber);
    link.studyDate = q(study.date);
    link.studyTime = q(study.time);
    link.studyDescription = q(study.description);
    link.referringPhysician = q(study.referringPhysician);
    return link;
}

ImageLink linkImage(const dicom::Collection& collection, const DraftImage& image) {
    ImageLink link;
    link.sopInstanceUid = image.sopInstanceUid;
    link.frame = image.frame;
    link.region = image.region;
    link.recipe = image.recipe;
    link.label = image.sourceLabel;
    if (const InstanceRef ref = findInstance(collection, image.sopInstanceUid)) {
        link.studyInstanceUid = q(ref.study->studyInstanceUid);
        link.seriesInstanceUid = q(ref.series->seriesInstanceUid);
        link.sopClassUid = q(ref.instance->sopClassUid);
        link.frameCount = ref.instance->frames;
        link.modality = q(ref.series->modality);
        link.sourcePath = q(ref.instance->path);
    }
    return link;
}

void linkDraftImages(ReportDocument& doc, const QList<DraftImage>& images,
                     const dicom::Collection& collection) {
    InstanceRef newest;
    int pictures = keptPictures(doc);
    for (const DraftImage& image : images) {
        ImageLink link = linkImage(collection, image);
        const InstanceRef ref = findInstance(collection, image.sopInstanceUid);
        if (ref && (!newest || ref.study->date >= newest.study->date)) {
            newest = ref;
        }
        const bool known = std::any_of(doc.images.cbegin(), doc.images.cend(),
                                       [&](const ImageLink& l) { return sameImage(l, link); });
        if (known) {
            continue;
        }
        if (pictures < kMaxKeyImages && !image.rgb.isNull()) {
            link.picture = keyImagePicture(image.rgb);
            ++pictures;
        }
        doc.images << link;
    }
    // Photographs have no DICOM study; their UIDs still identify the images.
    if (newest && newest.instance->kind == dicom::SourceKind::Dicom) {
        doc.study = linkStudy(*newest.patient, *newest.study);
    }
}

}  // namespace ui
