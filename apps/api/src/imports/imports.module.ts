import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Import } from './import.entity';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { MovesImportService } from './moves/moves-import.service';
import { RorImportService } from './ror/ror-import.service';
import { RecordsImportService } from './records/records-import.service';
import { RosterImportService } from './rosters/roster-import.service';

@Module({
  imports: [TypeOrmModule.forFeature([Import])],
  controllers: [ImportsController],
  providers: [ImportsService, RorImportService, MovesImportService, RosterImportService, RecordsImportService],
  exports: [RorImportService, MovesImportService, RosterImportService, RecordsImportService],
})
export class ImportsModule {}
