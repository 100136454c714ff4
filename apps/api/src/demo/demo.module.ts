import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { DemoDataService } from './demo-data.service';

@Module({ imports: [UsersModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoModule {}
