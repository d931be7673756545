import { Test, TestingModule } from '@nestjs/testing';
import { BusinessException } from 'nest-envelope';
import { AppController } from './app.controller';
import { AppService } from './app.service';
import { BookCodes } from './book.codes';

describe('AppController', () => {
  let appController: AppController;

  beforeEach(async () => {
    const app: TestingModule = await Test.createTestingModule({
      controllers: [AppController],
      providers: [AppService],
    }).compile();

    appController = app.get<AppController>(AppController);
  });

  describe('root', () => {
    it('should return "Hello World!"', () => {
      expect(appController.getHello()).toBe('Hello World!');
    });
  });

  describe('books', () => {
    it('throws the BusinessException of BOOK_NOT_FOUND for an unknown book', () => {
      expect(() => appController.findBook('42')).toThrow(BusinessException);
      expect(() => appController.findBook('42')).toThrow(
        expect.objectContaining({ definition: BookCodes.BOOK_NOT_FOUND, params: { id: '42' } }),
      );
    });
  });
});
