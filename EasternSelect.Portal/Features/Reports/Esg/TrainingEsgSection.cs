using EasternSelect.Portal.Features.Suppliers.Training;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Esg;

/// <summary>供應商教育訓練: companies trained, hours and person-times of the year and the two before.</summary>
public sealed class TrainingEsgSection(TrainingService training, IStringLocalizer<SharedResource> l) : IEsgSection
{
    public int Order => 200;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(int year, CancellationToken ct)
    {
        var summaries = await training.YearSummaryAsync(year - 2, year, ct);
        return
        [
            new(l["Training.Title"],
            [
                new ReportParagraph(l["Reports.Esg.TrainingText"]),
                ReportBuilders.TrainingTable(l["Training.Title"], summaries, l),
                ReportBuilders.TrainingChart(summaries, l),
            ]),
        ];
    }
}
