using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Csr;

/// <summary>A supplier's yearly CSR evaluation (企業社會責任評估): four areas scored 0–100.</summary>
public sealed class CsrEvaluation : AggregateRoot
{
    public int SupplierId { get; set; }

    public int Year { get; set; }

    public int LabourScore { get; set; }

    public int EnvironmentScore { get; set; }

    public int EthicsScore { get; set; }

    public int SafetyScore { get; set; }

    public string? Notes { get; set; }

    public string EvaluatedBy { get; set; } = string.Empty;

    /// <summary>The mean of the four areas, one decimal.</summary>
    public decimal Score => decimal.Round((LabourScore + EnvironmentScore + EthicsScore + SafetyScore) / 4m, 1);

    public IReadOnlyList<string> Validate()
    {
        int[] scores = [LabourScore, EnvironmentScore, EthicsScore, SafetyScore];
        var errors = new List<string>();
        if (scores.Any(s => s is < 0 or > 100))
        {
            errors.Add("Csr.ScoreOutOfRange");
        }

        if (Year is < 2000 or > 2100)
        {
            errors.Add("Csr.YearOutOfRange");
        }

        return errors;
    }
}
