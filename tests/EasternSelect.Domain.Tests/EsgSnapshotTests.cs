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
        Assert.Throws<ArgumentOutOfRangeException>(() => EsgSnapshot.Freeze(year, "{}", "zh-TW", "u1", "x", null, Now));
    }

    [Fact]
    public void Freeze_NoteTooLong_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => EsgSnapshot.Freeze(2020, "{}", "zh-TW", "u1", "x", new string('字', EsgSnapshot.MaxNoteLength + 1), Now));
    }
}
