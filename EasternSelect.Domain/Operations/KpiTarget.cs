using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Operations;

/// <summary>
/// The quality targets from a year on (the seed's separate rates, never summed): defect ≤ 3%, shortage ≤ 3%,
/// return ≤ 3%, non-quality return ≤ 5%. A year without its own row uses the latest earlier year's.
/// </summary>
public sealed class KpiTarget : AggregateRoot
{
    public int Year { get; set; }

    public decimal DefectPercent { get; set; }

    public decimal ShortagePercent { get; set; }

    public decimal ReturnPercent { get; set; }

    public decimal NonQualityReturnPercent { get; set; }

    public string SetBy { get; set; } = string.Empty;

    /// <summary>The seed report's defaults for a year.</summary>
    public static KpiTarget Defaults(int year, string setBy) => new()
    {
        Year = year, DefectPercent = 3m, ShortagePercent = 3m, ReturnPercent = 3m, NonQualityReturnPercent = 5m, SetBy = setBy,
    };

    /// <summary>Resource keys of what is wrong: each target a percentage 0–100, the year sane.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Year is < OperatingDataRules.EarliestYear or > 9998)
        {
            errors.Add("KpiTargets.YearInvalid");
        }

        if (new[] { DefectPercent, ShortagePercent, ReturnPercent, NonQualityReturnPercent }.Any(p => p is < 0m or > 100m))
        {
            errors.Add("KpiTargets.PercentRange");
        }

        return errors;
    }

    /// <summary>The targets that apply in <paramref name="year"/>: its own, else the latest earlier year's; null when none is that old.</summary>
    public static KpiTarget? For(int year, IEnumerable<KpiTarget> targets) =>
        targets.Where(t => t.Year <= year).OrderByDescending(t => t.Year).FirstOrDefault();
}
