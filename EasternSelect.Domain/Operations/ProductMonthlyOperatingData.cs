using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Operations;

/// <summary>
/// One product's month from the order system (imported): the one source of units shipped, returned and sold.
/// Complaint and customer-return rates divide by <see cref="UnitsShipped"/>; top sales rank by <see cref="UnitsSold"/>.
/// </summary>
public sealed class ProductMonthlyOperatingData : Entity
{
    public int ProductId { get; set; }

    /// <summary>The first day of the Taiwan month.</summary>
    public DateOnly Month { get; set; }

    public int UnitsShipped { get; set; }

    /// <summary>Units customers returned for a quality reason (defect, damage, wrong item).</summary>
    public int UnitsReturnedQuality { get; set; }

    /// <summary>Units returned for any other reason (changed mind, size, late delivery).</summary>
    public int UnitsReturnedOther { get; set; }

    public int UnitsSold { get; set; }
}

/// <summary>A supplier's year from the order system (imported): transaction volume (NT$) and whether it is local procurement (本地採購).</summary>
public sealed class SupplierYearlyVolume : Entity
{
    public int SupplierId { get; set; }

    public int Year { get; set; }

    public decimal TransactionVolume { get; set; }

    public bool IsLocal { get; set; }
}

/// <summary>The checks every imported row passes; each failure is a resource key.</summary>
public static class OperatingDataRules
{
    public const int EarliestYear = 2000;

    /// <summary>The checks of a product-month row; <paramref name="today"/> is a Taiwan day (a month after it is refused).</summary>
    public static IReadOnlyList<string> CheckProductMonth(int year, int month, long shipped, long returnedQuality, long returnedOther, long sold, DateOnly today)
    {
        var errors = new List<string>();
        if (year < EarliestYear || month is < 1 or > 12 || new DateOnly(Math.Clamp(year, 1, 9999), Math.Clamp(month, 1, 12), 1) > new DateOnly(today.Year, today.Month, 1))
        {
            errors.Add("OperatingImport.MonthInvalid");
        }

        if (shipped < 0 || returnedQuality < 0 || returnedOther < 0 || sold < 0)
        {
            errors.Add("OperatingImport.Negative");
        }
        else if (shipped > int.MaxValue || returnedQuality > int.MaxValue || returnedOther > int.MaxValue || sold > int.MaxValue)
        {
            errors.Add("OperatingImport.TooLarge");
        }
        else if (returnedQuality + returnedOther > shipped)
        {
            errors.Add("OperatingImport.ReturnsOverShipped");
        }

        return errors;
    }

    /// <summary>The checks of a supplier-year row.</summary>
    public static IReadOnlyList<string> CheckSupplierYear(int year, decimal volume, DateOnly today)
    {
        var errors = new List<string>();
        if (year < EarliestYear || year > today.Year)
        {
            errors.Add("OperatingImport.YearInvalid");
        }

        if (volume < 0)
        {
            errors.Add("OperatingImport.Negative");
        }

        return errors;
    }
}
