namespace EasternSelect.Portal.Features.Reports.Esg;

/// <summary>
/// One part of the ESG report 品質嚴選 服務貼心. The report asks every registered section (DI, in
/// <see cref="Order"/>) for its sections of the year; a feature adds its part by registering one more.
/// Orders in use: 100 suppliers and reviews, 200 training, 300 inspections, 400 complaints, 500 grievances,
/// 600 committees. Sections must aggregate: no personal data.
/// </summary>
public interface IEsgSection
{
    int Order { get; }

    Task<IReadOnlyList<ReportSection>> BuildAsync(int year, CancellationToken ct);
}
