using EasternSelect.Domain.Committees;

namespace EasternSelect.Domain.Tests.Committees;

public sealed class AnomalyMeetingTests
{
    private static readonly Anomaly[] Anomalies =
    [
        new(AnomalyKind.Delisting, 1, 10, "甲公司", 1, "甲商品", new DateOnly(2020, 12, 3), "下架", "/suppliers/10"),
        new(AnomalyKind.Delisting, 2, 20, "乙公司", 2, "乙商品", new DateOnly(2020, 12, 1), "下架", "/suppliers/20"),
    ];

    [Fact]
    public void Open_Internal_SnapshotsEveryAnomalyOldestFirst()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 9), new DateOnly(2021, 1, 7), AnomalyMeetingKind.Internal, [], "品保主管", null, Anomalies);

        Assert.Equal(new DateOnly(2020, 12, 1), meeting.Month);
        Assert.Equal([2, 1], meeting.Anomalies.Select(a => a.SourceId));
    }

    [Fact]
    public void Open_External_KeepsOnlyInvitedSuppliersAnomalies()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.External, [20], "品保主管", null, Anomalies);

        Assert.Equal(20, Assert.Single(meeting.Anomalies).SupplierId);
        Assert.Equal(20, Assert.Single(meeting.Suppliers).SupplierId);
    }

    [Fact]
    public void Open_ExternalWithoutSupplier_IsRefused()
    {
        var error = Assert.Throws<CommitteeRuleException>(() =>
            AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.External, [], "品保主管", null, Anomalies));

        Assert.Equal("Anomaly.ExternalNeedsSupplier", error.Key);
    }

    [Fact]
    public void IsOverdue_PastDueAndOpen_IsTrueClosedIsFalse()
    {
        var item = new ActionItem { DueDate = new DateOnly(2021, 1, 31), Status = ActionItemStatus.Do };

        Assert.False(item.IsOverdue(new DateOnly(2021, 1, 31)));
        Assert.True(item.IsOverdue(new DateOnly(2021, 2, 1)));

        item.ChangeStatus(ActionItemStatus.Closed, "完成", DateTime.UtcNow);

        Assert.False(item.IsOverdue(new DateOnly(2021, 2, 1)));
        Assert.Equal("Anomaly.ActionItemClosed", Assert.Throws<CommitteeRuleException>(() => item.ChangeStatus(ActionItemStatus.Act, null, DateTime.UtcNow)).Key);
    }

    [Fact]
    public void Close_Twice_IsRefused()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.Internal, [], "品保主管", null, []);
        meeting.Close(DateTime.UtcNow);

        Assert.Equal("Anomaly.MeetingClosed", Assert.Throws<CommitteeRuleException>(() => meeting.Close(DateTime.UtcNow)).Key);
    }
}
