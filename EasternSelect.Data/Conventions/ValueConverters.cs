using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EasternSelect.Data.Conventions;

/// <summary>Every DateTime is stored as UTC and read back with Kind = Utc. Local times are converted; unspecified ones are taken as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>
/// SQLite has no decimal type: EF stores decimals as TEXT, which neither sorts nor sums as numbers.
/// Money is decimal(18,2), so on SQLite it is stored as an INTEGER count of cents (exact, sortable, summable).
/// </summary>
public sealed class MoneyToCentsConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
    v => v / 100m);

/// <summary>
/// An AQL (0.010 … 1000) as an INTEGER count of thousandths on both providers: exact, and not rounded
/// to cents like money on SQLite (0.065 would become 0.07).
/// </summary>
public sealed class AqlToThousandthsConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 1000m, 0, MidpointRounding.AwayFromZero),
    v => v / 1000m);
