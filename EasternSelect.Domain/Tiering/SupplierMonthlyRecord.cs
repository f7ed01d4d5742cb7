using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Tiering;

/// <summary>
/// A supplier's quality record for one month: the input of the tier evaluation. Entered or imported
/// now; the inspection and casework features fill it from their own records.
/// </summary>
public sealed class SupplierMonthlyRecord : Entity
{
    public int SupplierId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public int LotsInspected { get; set; }

    public int LotsRejected { get; set; }

    public int UnitsReceived { get; set; }

    public int DefectiveUnits { get; set; }

    public int ShortUnits { get; set; }

    /// <summary>Not stored: filled from the imported operating data (units shipped of the supplier's products) when the record is scored.</summary>
    public int UnitsShipped { get; set; }

    /// <summary>Not stored: filled from casework (complaints opened that month about the supplier) when the record is scored.</summary>
    public int Complaints { get; set; }

    public int AuditFindings { get; set; }

    public int LateCorrectiveActions { get; set; }

    /// <summary>Replaces the fields the incoming lots own; audit findings belong to other features and are kept.</summary>
    public void RecordLots(int lotsInspected, int lotsRejected, int unitsReceived, int defectiveUnits, int shortUnits, int lateCorrectiveActions)
    {
        LotsInspected = lotsInspected;
        LotsRejected = lotsRejected;
        UnitsReceived = unitsReceived;
        DefectiveUnits = defectiveUnits;
        ShortUnits = shortUnits;
        LateCorrectiveActions = lateCorrectiveActions;
    }
}
