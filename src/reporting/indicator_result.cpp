#include "reporting/indicator_result.hpp"

#include <cmath>

namespace motcua::reporting {

const char* MetricStatusName(MetricStatus status) {
    switch (status) {
        case MetricStatus::kOk:
            return "ok";
        case MetricStatus::kNoData:
            return "no_data";
    }
    return "no_data";
}

const char* GroupApiName(GroupCode code) {
    switch (code) {
        case GroupCode::kTransparency:
            return "transparency";
        case GroupCode::kProgress:
            return "dvc-progress-tree";
        case GroupCode::kOnlineService:
            return "provide-online-tree";
        case GroupCode::kOnlinePayment:
            return "formality-online-payment-tree";
        case GroupCode::kDigitization:
            return "dossier-digitized";
        case GroupCode::kSatisfaction:
            return "handling-satisfaction";
    }
    return "";
}

const char* GroupNameVi(GroupCode code) {
    switch (code) {
        case GroupCode::kTransparency:
            return "Công khai, minh bạch";
        case GroupCode::kProgress:
            return "Tiến độ giải quyết";
        case GroupCode::kOnlineService:
            return "Dịch vụ công trực tuyến";
        case GroupCode::kOnlinePayment:
            return "Thanh toán trực tuyến";
        case GroupCode::kDigitization:
            return "Số hóa hồ sơ";
        case GroupCode::kSatisfaction:
            return "Mức độ hài lòng";
    }
    return "";
}

const char* GroupNameEn(GroupCode code) {
    switch (code) {
        case GroupCode::kTransparency:
            return "Transparency";
        case GroupCode::kProgress:
            return "Processing progress";
        case GroupCode::kOnlineService:
            return "Online public services";
        case GroupCode::kOnlinePayment:
            return "Online payment";
        case GroupCode::kDigitization:
            return "Dossier digitization";
        case GroupCode::kSatisfaction:
            return "Satisfaction";
    }
    return "";
}

double GroupMaxScore(GroupCode code) {
    switch (code) {
        case GroupCode::kTransparency:
            return 18;
        case GroupCode::kProgress:
            return 20;
        case GroupCode::kOnlineService:
            return 12;
        case GroupCode::kOnlinePayment:
            return 10;
        case GroupCode::kDigitization:
            return 22;
        case GroupCode::kSatisfaction:
            return 18;
    }
    return 0;
}

const MetricResult* IndexResult::Find(const std::string& code) const {
    for (const auto& group : groups) {
        for (const auto& metric : group.metrics) {
            if (metric.code == code) {
                return &metric;
            }
        }
    }
    return nullptr;
}

const GroupResult* IndexResult::FindGroup(GroupCode code) const {
    for (const auto& group : groups) {
        if (group.code == code) {
            return &group;
        }
    }
    return nullptr;
}

double RoundForDisplay(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace motcua::reporting
