using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Tests.Committees;

public sealed class AnomalyMeetingTests
{
    private static readonly Anomaly[] Anomalies =
    [
        new(AnomalyKind.Delisting, 1, 10, "甲公司", 1, "甲商品", new DateOnly(2020, 12, 3), "下架", "/suppliers/10"),
        new(AnomalyKind.Delisting, 2, 20, "乙公司", 2, "乙商品", new DateOnly(2020, 12, 1), "下架", "/suppliers/20"),
    ];

    private static readonly DateTime Utc = new(2021, 1, 7, 3, 0, 0, DateTimeKind.Utc);

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
        var error = Assert.Throws<DomainRuleException>(() =>
            AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.External, [], "品保主管", null, Anomalies));

        Assert.Equal("Anomaly.ExternalNeedsSupplier", error.Key);
    }

    [Fact]
    public void IsOverdue_PastDueAndOpen_IsTrueClosedIsFalse()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.Internal, [], "品保主管", null, Anomalies);
        var item = meeting.AddActionItem("改善標示", "owner-1", "王小明", new DateOnly(2021, 1, 31), null, null);
        item.ChangeStatus(ActionItemStatus.Do, null, Utc);

        Assert.False(item.IsOverdue(new DateOnly(2021, 1, 31)));
        Assert.True(item.IsOverdue(new DateOnly(2021, 2, 1)));

        item.ChangeStatus(ActionItemStatus.Closed, "完成", Utc);

        Assert.False(item.IsOverdue(new DateOnly(2021, 2, 1)));
        Assert.Equal("Anomaly.ActionItemClosed", Assert.Throws<DomainRuleException>(() => item.ChangeStatus(ActionItemStatus.Act, null, Utc)).Key);
    }

    [Fact]
    public void Close_Twice_IsRefused()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.Internal, [], "品保主管", null, []);
        meeting.Close(Utc);

        Assert.Equal("Anomaly.MeetingClosed", Assert.Throws<DomainRuleException>(() => meeting.Close(Utc)).Key);
    }

    [Fact]
    public void AddActionItem_ClosedMeeting_IsRefused()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.Internal, [], "品保主管", null, Anomalies);
        meeting.Close(Utc);

        var error = Assert.Throws<DomainRuleException>(() => meeting.AddActionItem("改善", "owner-1", "王小明", new DateOnly(2021, 1, 31), null, null));

        Assert.Equal("Anomaly.MeetingClosed", error.Key);
        Assert.Empty(meeting.ActionItems);
    }

    [Fact]
    public void AddActionItem_ExternalForSupplierNotInvited_IsRefused()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.External, [20], "品保主管", null, Anomalies);

        var error = Assert.Throws<DomainRuleException>(() => meeting.AddActionItem("改善", "owner-1", "王小明", new DateOnly(2021, 1, 31), null, 10));

        Assert.Equal("Anomaly.ExternalItemNeedsSupplier", error.Key);
    }

    [Fact]
    public void AddActionItem_AnsweringAnAnomaly_ConcernsItsSupplierAndStartsAtPlan()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.External, [20], "品保主管", null, Anomalies);

        var item = meeting.AddActionItem(" 改善 ", "owner-1", "王小明", new DateOnly(2021, 1, 31), meeting.Anomalies[0], null);

        Assert.Equal((20, ActionItemStatus.Plan, "改善"), (item.SupplierId, item.Status, item.Description));
        Assert.Same(item, Assert.Single(meeting.ActionItems));
    }

    [Fact]
    public void ChangeStatus_ClosedThenReopenedStep_ClosedUtcFollowsTheStatus()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.Internal, [], "品保主管", null, []);
        var item = meeting.AddActionItem("改善", "owner-1", "王小明", new DateOnly(2021, 1, 31), null, null);

        item.ChangeStatus(ActionItemStatus.Check, " 複檢中 ", Utc);

        Assert.Equal((ActionItemStatus.Check, "複檢中", (DateTime?)null), (item.Status, item.Note, item.ClosedUtc));
        item.ChangeStatus(ActionItemStatus.Closed, null, Utc);
        Assert.Equal((ActionItemStatus.Closed, "複檢中", (DateTime?)Utc), (item.Status, item.Note, item.ClosedUtc));
    }

    [Fact]
    public void Discuss_ClosedMeeting_IsRefusedAndKeepsTheDiscussion()
    {
        var meeting = AnomalyMeeting.Open(new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 7), AnomalyMeetingKind.Internal, [], "品保主管", null, Anomalies);
        var anomaly = meeting.Anomalies[0];
        meeting.Discuss(anomaly, " 標示不符 ");
        meeting.Close(Utc);

        var error = Assert.Throws<DomainRuleException>(() => meeting.Discuss(anomaly, "改口"));

        Assert.Equal("Anomaly.MeetingClosed", error.Key);
        Assert.Equal("標示不符", anomaly.Discussion);
    }
}
