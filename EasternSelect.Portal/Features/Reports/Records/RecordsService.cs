using EasternSelect.Portal.Infrastructure.Security;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>Finds a figure's record source and lists its records, after checking the source's own policy.</summary>
public sealed class RecordsService(IEnumerable<IRecordSource> sources, PolicyGuard guard)
{
    /// <summary>The most rows a drill-down list shows; the count says how many match in all.</summary>
    public const int Limit = 500;

    public IRecordSource? Find(string source) => sources.FirstOrDefault(s => string.Equals(s.Source, source, StringComparison.Ordinal));

    public async Task<RecordList> ListAsync(IRecordSource source, RecordFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        await guard.EnsureAsync(source.Policy);
        return await source.ListAsync(filter, Limit, ct);
    }
}
