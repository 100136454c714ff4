import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SourcesModule } from '../sources/sources.module';
import { HeadcountObservation } from './headcount-observation.entity';
import { HeadcountObservationsController } from './headcount-observations.controller';
import { HeadcountObservationsService } from './headcount-observations.service';
import { HeadcountTarget } from './headcount-target.entity';
import { HeadcountTargetsController } from './headcount-targets.controller';
import { HeadcountTargetsService } from './headcount-targets.service';

/** What organisations aim for and what they were seen to have. */
@Module({
  imports: [TypeOrmModule.forFeature([HeadcountTarget, HeadcountObservation]), SourcesModule],
  controllers: [HeadcountTargetsController, HeadcountObservationsController],
  providers: [HeadcountTargetsService, HeadcountObservationsService],
})
export class HeadcountModule {}
