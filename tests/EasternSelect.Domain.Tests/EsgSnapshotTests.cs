using EasternSelect.Domain.Common;
using EasternSelect.Domain.Reporting;

namespace EasternSelect.Domain.Tests;

public sealed class EsgSnapshotTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Hash_IsTheSha256OfTheUtf8Json()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", EsgSnapshot.Hash("abc"));
        Assert.NotEqual(EsgSnapshot.Hash("{\"a\":\"供應商\"}"), EsgSnapshot.Hash("{\"a\":\"廠商\"}"));
    }

    [Fact]
    public void Freeze_CompletedYear_KeepsWhoWhenFiguresAndTheirHash()
    {
        var snapshot = EsgSnapshot.Freeze(2020, "{\"Title\":\"品質嚴選\"}", "zh-TW", "u1", "executive@demo.local", "  通過  ", Now);

        Assert.Equal(2020, snapshot.Year);
        Assert.Equal(Now, snapshot.FrozenUtc);
        Assert.Equal("u1", snapshot.FrozenById);
        Assert.Equal("通過", snapshot.Note);
        Assert.Equal(EsgSnapshot.Hash("{\"Title\":\"品質嚴選\"}"), snapshot.Sha256);
        Assert.True(snapshot.IsIntact);
        Assert.Equal(snapshot.Sha256[..12], snapshot.ShortHash);
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(1999)]
    public void Freeze_YearNotCompleted_IsRefused(int year)
    {
        Assert.NotNull(EsgSnapshot.CheckYear(year, Now.Year));
        var refused = Assert.Throws<DomainRuleException>(() => EsgSnapshot.Freeze(year, "{}", "zh-TW", "u1", "x", null, Now));
        Assert.Equal("Esg.FreezeYearNotComplete", refused.Key);
    }

    [Fact]
    public void Freeze_NewYearsEveUtcIsAlreadyNewYearInTaipei_PreviousYearCanBeFrozen()
    {
        // 2026-12-31 16:30 UTC is 2027-01-01 00:30 in Taipei: 2026 is complete there, though not yet in UTC.
        var snapshot = EsgSnapshot.Freeze(2026, "{}", "zh-TW", "u1", "x", null, new DateTime(2026, 12, 31, 16, 30, 0, DateTimeKind.Utc));

        Assert.Equal(2026, snapshot.Year);
    }

    [Fact]
    public void Freeze_LastEveningOfTheYearInTaipei_YearIsNotCompleteYet()
    {
        // 2026-12-31 15:30 UTC is 2026-12-31 23:30 in Taipei.
        var refused = Assert.Throws<DomainRuleException>(() => EsgSnapshot.Freeze(2026, "{}", "zh-TW", "u1", "x", null, new DateTime(2026, 12, 31, 15, 30, 0, DateTimeKind.Utc)));

        Assert.Equal("Esg.FreezeYearNotComplete", refused.Key);
    }

    [Fact]
    public void Freeze_YearAlreadyFrozen_IsRefused()
    {
        var first = EsgSnapshot.Freeze(2020, "{\"a\":1}", "zh-TW", "u1", "x", null, Now);

        var refused = Assert.Throws<DomainRuleException>(() => EsgSnapshot.Freeze(2020, "{\"a\":2}", "zh-TW", "u2", "y", null, Now, existing: first));

        Assert.Equal("Esg.AlreadyFrozen", refused.Key);
    }

    [Fact]
    public void Freeze_NoteTooLong_IsRefused()
    {
        var refused = Assert.Throws<DomainRuleException>(() => EsgSnapshot.Freeze(2020, "{}", "zh-TW", "u1", "x", new string('字', EsgSnapshot.MaxNoteLength + 1), Now));

        Assert.Equal("Esg.NoteTooLong", refused.Key);
    }
}
