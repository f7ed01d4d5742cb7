using EasternSelect.Portal.Infrastructure.Security;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>Finds a figure's record source and lists one page of its records, after checking the source's own policy.</summary>
public sealed class RecordsService(IEnumerable<IRecordSource> sources, PolicyGuard guard)
{
    public IRecordSource? Find(string source) => sources.FirstOrDefault(s => string.Equals(s.Source, source, StringComparison.Ordinal));

    /// <summary>The page the filter's <c>page</c> names; a word no source reads, or a page past the last, is refused.</summary>
    public async Task<RecordList> ListAsync(IRecordSource source, RecordFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(filter);
        await guard.EnsureAsync(source.Policy);
        var list = await source.ListAsync(filter, filter.Page, ct);
        if (filter.Unread is [var first, ..])
        {
            throw new RecordFilterException($"{first} is not a filter of {source.Source}.");
        }

        return list.Page.Number > list.PageCount ? throw new RecordFilterException($"page must be at most {list.PageCount}.") : list;
    }
}
