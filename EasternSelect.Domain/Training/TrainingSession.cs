using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Training;

/// <summary>A supplier training session (供應商教育訓練) and the companies that attended it.</summary>
public sealed class TrainingSession : AggregateRoot
{
    public DateOnly Date { get; set; }

    public string Topic { get; set; } = string.Empty;

    public decimal Hours { get; set; }

    public string? Location { get; set; }

    public List<TrainingAttendance> Attendances { get; set; } = [];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Topic))
        {
            errors.Add("Training.TopicRequired");
        }

        if (Hours is <= 0 or > 24)
        {
            errors.Add("Training.HoursOutOfRange");
        }

        if (Attendances.Any(a => a.PersonCount < 1))
        {
            errors.Add("Training.PersonCountInvalid");
        }

        if (Attendances.GroupBy(a => a.SupplierId).Any(g => g.Count() > 1))
        {
            errors.Add("Training.DuplicateCompany");
        }

        return errors;
    }
}

public sealed class TrainingAttendance : Entity
{
    public int TrainingSessionId { get; set; }

    public int SupplierId { get; set; }

    public int PersonCount { get; set; }
}

/// <summary>One column of the seed's training table: companies trained (distinct), total hours, person-times.</summary>
public sealed record TrainingYearSummary(int Year, int CompaniesTrained, decimal TotalHours, int PersonTimes);
