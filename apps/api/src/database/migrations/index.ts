import { Initial1795746261937 } from './1795746261937-Initial';
import { AccentInsensitiveSearch1795746261938 } from './1795746261938-AccentInsensitiveSearch';
import { AccountsAuditAndRecovery1795747978403 } from './1795747978403-AccountsAuditAndRecovery';
import { MoveCountsPreAggregation1795748000000 } from './1795748000000-MoveCountsPreAggregation';
import { ListOrderIndexes1795748100000 } from './1795748100000-ListOrderIndexes';
import { YearlyKindCounts1795748200000 } from './1795748200000-YearlyKindCounts';
import { SearchTextIndexes1795748300000 } from './1795748300000-SearchTextIndexes';
import { OrganizationMonthCounts1795748400000 } from './1795748400000-OrganizationMonthCounts';
import { SearchTextColumns1795755357749 } from './1795755357749-SearchTextColumns';
import { PairCounts1795755400000 } from './1795755400000-PairCounts';
import { FieldKindCounts1795755500000 } from './1795755500000-FieldKindCounts';
import { KindMonthCounts1795755600000 } from './1795755600000-KindMonthCounts';
import { OrganizationYearCounts1795755700000 } from './1795755700000-OrganizationYearCounts';
import { KindMonthStatusCounts1795755800000 } from './1795755800000-KindMonthStatusCounts';
import { YearPrecisionMoves1795755900000 } from './1795755900000-YearPrecisionMoves';
import { SectorCountryMonthCounts1795756000000 } from './1795756000000-SectorCountryMonthCounts';
import { ParentKindCounts1795756100000 } from './1795756100000-ParentKindCounts';
import { OrganizationOtherKindCounts1795756150000 } from './1795756150000-OrganizationOtherKindCounts';
import { IncrementalOrganizationRecount1795756200000 } from './1795756200000-IncrementalOrganizationRecount';
import { MonthlyPairIndex1795756300000 } from './1795756300000-MonthlyPairIndex';
import { ParentKindIndexes1795756400000 } from './1795756400000-ParentKindIndexes';
import { OrganizationMonthIndex1795756500000 } from './1795756500000-OrganizationMonthIndex';
import { PairFieldCounts1795756600000 } from './1795756600000-PairFieldCounts';
import { YearPrecisionMoveEnds1795756700000 } from './1795756700000-YearPrecisionMoveEnds';
import { MoveDateEnds1795756800000 } from './1795756800000-MoveDateEnds';
import { OrganizationRecountThreshold1795756900000 } from './1795756900000-OrganizationRecountThreshold';
import { FieldMonthCounts1795757000000 } from './1795757000000-FieldMonthCounts';
import { SessionChangeNotifications1795757100000 } from './1795757100000-SessionChangeNotifications';
import { OtherKindRoleCounts1795757200000 } from './1795757200000-OtherKindRoleCounts';
import { OrganizationOtherKindMonthCounts1795757300000 } from './1795757300000-OrganizationOtherKindMonthCounts';
import { MoveCountsKeyCarriesCount1795757400000 } from './1795757400000-MoveCountsKeyCarriesCount';
import { OrganizationFieldMonthCounts1795757500000 } from './1795757500000-OrganizationFieldMonthCounts';
import { OtherKindMonthCountryIndex1795757600000 } from './1795757600000-OtherKindMonthCountryIndex';
import { OrganizationArrivalMonthCounts1795757700000 } from './1795757700000-OrganizationArrivalMonthCounts';
import { ParentKindCountsCoveringIndex1795757800000 } from './1795757800000-ParentKindCountsCoveringIndex';
import { OtherCountryMonthIndex1795757900000 } from './1795757900000-OtherCountryMonthIndex';
import { ParentMonthCounts1795758000000 } from './1795758000000-ParentMonthCounts';
import { ParentKindKeyCarriesCounts1795758100000 } from './1795758100000-ParentKindKeyCarriesCounts';
import { OrganizationYearRoleCounts1795758200000 } from './1795758200000-OrganizationYearRoleCounts';
import { ParentYearCounts1795758300000 } from './1795758300000-ParentYearCounts';
import { PeopleByFields1795758400000 } from './1795758400000-PeopleByFields';
import { AddMembersPopulation1796404009757 } from './1796404009757-AddMembersPopulation';
import { AnalyticsChangeLog1796500000000 } from './1796500000000-AnalyticsChangeLog';
import { RorImport1796500100000 } from './1796500100000-RorImport';
import { PeopleIdentifiers1796500200000 } from './1796500200000-PeopleIdentifiers';
import { ImportedRecords1796500300000 } from './1796500300000-ImportedRecords';
import { ImportUndo1796500400000 } from './1796500400000-ImportUndo';
import { RosterObservations1796500500000 } from './1796500500000-RosterObservations';
import { ImportProgress1796500600000 } from './1796500600000-ImportProgress';
import { RecordImports1796500700000 } from './1796500700000-RecordImports';

/** Every migration, in order. Add each new one here (the bundle cannot glob for them). */
export const MIGRATIONS = [
  Initial1795746261937,
  AccentInsensitiveSearch1795746261938,
  AccountsAuditAndRecovery1795747978403,
  MoveCountsPreAggregation1795748000000,
  ListOrderIndexes1795748100000,
  YearlyKindCounts1795748200000,
  SearchTextIndexes1795748300000,
  OrganizationMonthCounts1795748400000,
  SearchTextColumns1795755357749,
  PairCounts1795755400000,
  FieldKindCounts1795755500000,
  KindMonthCounts1795755600000,
  OrganizationYearCounts1795755700000,
  KindMonthStatusCounts1795755800000,
  YearPrecisionMoves1795755900000,
  SectorCountryMonthCounts1795756000000,
  ParentKindCounts1795756100000,
  OrganizationOtherKindCounts1795756150000,
  IncrementalOrganizationRecount1795756200000,
  MonthlyPairIndex1795756300000,
  ParentKindIndexes1795756400000,
  OrganizationMonthIndex1795756500000,
  PairFieldCounts1795756600000,
  YearPrecisionMoveEnds1795756700000,
  MoveDateEnds1795756800000,
  OrganizationRecountThreshold1795756900000,
  FieldMonthCounts1795757000000,
  SessionChangeNotifications1795757100000,
  OtherKindRoleCounts1795757200000,
  OrganizationOtherKindMonthCounts1795757300000,
  MoveCountsKeyCarriesCount1795757400000,
  OrganizationFieldMonthCounts1795757500000,
  OtherKindMonthCountryIndex1795757600000,
  OrganizationArrivalMonthCounts1795757700000,
  ParentKindCountsCoveringIndex1795757800000,
  OtherCountryMonthIndex1795757900000,
  ParentMonthCounts1795758000000,
  ParentKindKeyCarriesCounts1795758100000,
  OrganizationYearRoleCounts1795758200000,
  ParentYearCounts1795758300000,
  PeopleByFields1795758400000,
  AddMembersPopulation1796404009757,
  AnalyticsChangeLog1796500000000,
  RorImport1796500100000,
  PeopleIdentifiers1796500200000,
  ImportedRecords1796500300000,
  ImportUndo1796500400000,
  RosterObservations1796500500000,
  ImportProgress1796500600000,
  RecordImports1796500700000,
];
