#pragma once
// "What the model sees": thumbnails of the exact padded RGB squares a request carries, in the
// model's order (with the SLICE k labels of volume templates), the token budget, and the
// progress of the preparation. Clicking a thumbnail shows its frame; Delete or the context menu
// removes it from the selection.
// Thread-safety: GUI thread only.

#include <QWidget>

#include "ui/assistant/prompt_templates.h"
#include "ui/assistant/token_budget.h"

class QAction;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QProgressBar;

namespace ui {

class ModelInputs;

class InputStrip : public QWidget {
    Q_OBJECT
public:
    explicit InputStrip(ModelInputs& inputs, QWidget* parent = nullptr);

    // Tool buttons for these actions, labelled with the short names, appear in the strip's
    // header (the actions are not owned; their icon text becomes the short name).
    void setActions(const QList<QAction*>& actions, const QStringList& shortNames);
    void setPlacement(ImagePlacement placement);  // labels follow the template
    void setBudget(const TokenFigures& figures);

    QListWidget* list() const { return m_list; }
    QLabel* budgetLabel() const { return m_budget; }
    QProgressBar* progressBar() const { return m_progress; }
    int imageCount() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void onPreparing(int done, int total);
    QString captionFor(int index) const;
    void removeSelected();

    ModelInputs& m_inputs;
    QLabel* m_title = nullptr;
    QHBoxLayout* m_tools = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_budget = nullptr;
    QProgressBar* m_progress = nullptr;
    ImagePlacement m_placement = ImagePlacement::BeforeText;
};

}  // namespace ui
